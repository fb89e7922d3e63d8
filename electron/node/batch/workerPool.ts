import { Worker } from 'node:worker_threads';

/**
 * A fixed set of worker threads fed from one queue: each worker gets its next job when it posts a
 * result, so a slow plan never holds up the others. Results come back through `onResult` in
 * completion order. A worker that dies fails its job and is replaced.
 */
export class WorkerPool<Job, Result> {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly workers = new Set<Worker>();
  private pending = 0;
  private drained: (() => void) | null = null;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly workerData: unknown,
    private readonly onResult: (result: Result, job: Job) => void,
    private readonly onCrash: (job: Job, error: Error) => void,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.workers.add(worker);
    worker.on('message', (result: Result) => {
      const job = this.busy.get(worker) as Job;
      this.busy.delete(worker);
      this.idle.push(worker);
      this.onResult(result, job);
      this.finishOne();
    });
    worker.on('error', (error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.workers.delete(worker);
      if (job !== undefined) {
        this.onCrash(job, error);
        this.finishOne();
      }
      if (this.pending > 0) this.spawn();
    });
    this.idle.push(worker);
    this.dispatch();
  }

  private finishOne(): void {
    this.pending--;
    this.dispatch();
    if (this.pending === 0 && this.drained) this.drained();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const worker = this.idle.pop() as Worker;
      if (!this.workers.has(worker)) continue;
      const job = this.queue.shift() as Job;
      this.busy.set(worker, job);
      worker.postMessage(job);
    }
  }

  /** Queue jobs; resolves when every queued job has produced a result or a crash. */
  run(jobs: readonly Job[]): Promise<void> {
    this.queue.push(...jobs);
    this.pending += jobs.length;
    const done = new Promise<void>((resolve) => { this.drained = resolve; });
    this.dispatch();
    return this.pending === 0 ? Promise.resolve() : done;
  }

  /** Drop the jobs not yet started (after a fatal error); `run` resolves once the running ones report. */
  cancelQueued(): void {
    const dropped = this.queue.length;
    this.queue.length = 0;
    this.pending -= dropped;
    if (this.pending === 0 && this.drained) this.drained();
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }
}
