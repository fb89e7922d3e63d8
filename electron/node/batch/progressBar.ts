/**
 * A one-line progress bar on a terminal (stderr), silent when stderr is not a TTY (logs, tests):
 * `[######....]  42/100 plans  1.3 plans/s  ETA 45 s  (3 skipped, 1 failed)`.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private total: number, private readonly stream: NodeJS.WriteStream = process.stderr, private readonly label = 'plans') {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  /** Redraw (at most every 100 ms); `total` updates a count that is only known once work starts. */
  update(done: number, extra = '', total?: number): void {
    if (total !== undefined) this.total = total;
    if (!this.enabled) return;
    this.drawn = true;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    const width = 30;
    const filled = this.total ? Math.round((width * done) / this.total) : width;
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(String(this.total).length)}/${this.total} ${this.label}  ${rate.toFixed(2)}/s  ETA ${eta} s${extra ? `  (${extra})` : ''}\x1b[K`);
  }

  finish(): void {
    if (this.enabled && this.drawn) this.stream.write('\n');
  }
}
