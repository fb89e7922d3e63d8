import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Grade } from '../../common/domain/protocol/protocolSchema';
import type { Db } from '../store/openDatabase';
import { StoreError } from '../store/storeError';
import type { BatchJob, BatchJobResult, BatchWorkerSettings } from './batchJob';
import type { PlanFileGroup } from './planFileGroups';
import { ProgressBar } from './progressBar';
import { runBatchJob } from './runBatchJob';
import { storePlanAnalysis } from './storePlanAnalysis';
import { WorkerPool } from './workerPool';

export interface PlanJobsOptions {
  db: Db;
  actor: string;
  settings: BatchWorkerSettings;
  /** worker threads; 0 = analyse on the main thread (tests, or when the worker bundle is absent) */
  workers: number;
  /** the bundled worker (build/cli/workers/batchWorker.mjs); default: next to the running bundle */
  workerScript?: URL;
  progress?: boolean;
  /** called after each plan (finished of total): the app's import progress bar (integration point, H6a) */
  onProgress?: (finished: number, total: number) => void;
}

export interface PlanJobsSummary {
  plans: number;
  /** new plans stored */
  created: number;
  /** plans whose content was already stored (an evaluation may still have been added) */
  alreadyImported: number;
  evaluationsCreated: number;
  /** plans done before (same content, same protocol and engine version): not read again */
  skipped: number;
  conflicts: string[];
  failed: string[];
  grades: Record<Grade, number>;
  seconds: number;
  /** wall seconds per stage summed over plans (hash, read, dvh, evaluate in the workers; store on the main thread), and the workers' CPU seconds */
  stageSeconds: { hash: number; read: number; dvh: number; evaluate: number; store: number; workerCpu: number };
}

/** Where the bundled worker lives next to the bundled CLI (build/cli/workers/batchWorker.mjs). */
export function defaultWorkerScript(): URL {
  return new URL('./workers/batchWorker.mjs', import.meta.url);
}

/**
 * Analyse plans (in worker threads when available) and store each result from this thread as soon as
 * it arrives, one transaction per plan. A full disk stops the run with the plans stored so far intact;
 * any other failure of one plan is reported and the rest go on.
 */
export async function runPlanJobs(groups: readonly PlanFileGroup[], options: PlanJobsOptions): Promise<PlanJobsSummary> {
  const started = performance.now();
  const summary: PlanJobsSummary = {
    plans: groups.length, created: 0, alreadyImported: 0, evaluationsCreated: 0, skipped: 0, conflicts: [], failed: [],
    grades: { per_protocol: 0, minor: 0, major: 0, not_evaluable: 0 }, seconds: 0, stageSeconds: { hash: 0, read: 0, dvh: 0, evaluate: 0, store: 0, workerCpu: 0 },
  };
  const jobs: BatchJob[] = groups.map((g, jobId) => ({ jobId, patientId: g.patientId, planUid: g.planUid, files: g.files }));
  const bar = new ProgressBar(jobs.length);
  let finished = 0;
  let fatal: unknown = null;
  const writer = { db: options.db, actor: options.actor };

  const handle = (result: BatchJobResult) => {
    finished++;
    if (fatal) return;
    if (result.kind === 'skipped') summary.skipped++;
    else if (result.kind === 'failed') summary.failed.push(result.message);
    else {
      const t = performance.now();
      try {
        const outcome = storePlanAnalysis(writer, result.analysis);
        if (outcome.status === 'conflict') summary.conflicts.push(outcome.message ?? '');
        else if (outcome.status === 'created') summary.created++;
        else summary.alreadyImported++;
        if (outcome.evaluationCreated) summary.evaluationsCreated++;
        if (result.analysis.evaluation && outcome.status !== 'conflict') summary.grades[result.analysis.evaluation.grade]++;
      } catch (error) {
        // a full disk or a lock held too long: later plans would fail the same way; stop cleanly
        if (error instanceof StoreError) fatal = error;
        else summary.failed.push(`patient ${result.analysis.plan.patientId}: ${(error as Error).message}`);
      }
      summary.stageSeconds.store += (performance.now() - t) / 1000;
      summary.stageSeconds.hash += result.analysis.timing.hashS;
      summary.stageSeconds.dvh += result.analysis.timing.dvhS;
      summary.stageSeconds.evaluate += result.analysis.timing.evaluateS;
      summary.stageSeconds.read += result.analysis.timing.readS;
      summary.stageSeconds.workerCpu += result.analysis.timing.cpuS;
    }
    options.onProgress?.(finished, jobs.length);
    if (options.progress !== false) bar.update(finished, [summary.skipped && `${summary.skipped} skipped`, summary.failed.length && `${summary.failed.length} failed`].filter(Boolean).join(', '));
  };

  const script = options.workerScript ?? defaultWorkerScript();
  const useWorkers = options.workers > 0 && jobs.length > 1 && script.protocol === 'file:' && existsSync(fileURLToPath(script));
  if (useWorkers) {
    const pool: WorkerPool<BatchJob, BatchJobResult> = new WorkerPool<BatchJob, BatchJobResult>(script, Math.min(options.workers, jobs.length), options.settings,
      (result) => {
        handle(result);
        if (fatal) pool.cancelQueued();
      },
      (job, error) => handle({ jobId: job.jobId, kind: 'failed', message: `patient ${job.patientId}, plan ${job.planUid}: worker crashed: ${error.message}` }));
    await pool.run(jobs);
    await pool.close();
  } else {
    const done = new Set(options.settings.doneContentKeys);
    for (const job of jobs) {
      if (fatal) break;
      handle(await runBatchJob(job, options.settings, done));
    }
  }
  bar.finish();
  if (fatal) throw fatal;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
