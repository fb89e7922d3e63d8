// Throughput of `rtqa batch` (import + every DVH + evaluation + writes) over a synthetic trial.
// Usage: npm run bench:batch -- [--patients 100] [--centres 6] [--seed 7] [--runs 3] [--workers N] [--small] [--data DIR]
// Each run starts on a fresh database; reports plans per minute per run and the median. Target: ≥ 60 plans/min
// for 100 default-size patients on the 2-core reference machine. The trial is generated once and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const patients = Number(arg('patients', 100));
const centres = Number(arg('centres', 6));
const seed = Number(arg('seed', 7));
const runs = Number(arg('runs', 3));
// the CLI's default: twice the cores, 2 to 8 (electron/cli/commands/batchCommand.ts defaultWorkers)
const workers = Number(arg('workers', Math.min(8, Math.max(2, 2 * cpus().length))));
const small = process.argv.includes('--small');
const dataDir = arg('data', join(root, 'build', 'bench', `trial-${patients}p-${centres}c-seed${seed}${small ? '-small' : ''}`));
const cli = join(root, 'build', 'cli', 'rtqa.mjs');

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale', '--no-renderer'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!existsSync(join(dataDir, 'truth.json'))) {
  console.error(`bench:batch: generating ${patients} patients into ${dataDir} (once)`);
  const args = [cli, 'synth', '--out', dataDir, '--patients', String(patients), '--centres', String(centres), '--seed', String(seed)];
  if (small) args.push('--small');
  const t = Date.now();
  const synth = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (synth.status !== 0) process.exit(synth.status ?? 1);
  console.error(`bench:batch: generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

const results = [];
const cpuPerPlan = [];
for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'rtqa-bench-batch-'));
  const started = process.hrtime.bigint();
  const batch = spawnSync(process.execPath, [cli, 'batch', dataDir, '--protocol', 'synthetic-hn-trial-1.0', '--workers', String(workers), '--json', '--db', join(dir, 'rtqa.sqlite')],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RTQA_USER: 'bench' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  if (batch.status !== 0) {
    console.error(batch.stderr);
    process.exit(batch.status ?? 1);
  }
  const summary = JSON.parse(batch.stdout);
  const stored = summary.created + summary.alreadyImported;
  const perMinute = (stored / seconds) * 60;
  results.push(perMinute);
  const st = summary.stageSeconds;
  console.log(`run ${run}: ${stored} plans in ${seconds.toFixed(1)} s (process wall time; folder scan ${summary.scanSeconds.toFixed(1)} s) → ${perMinute.toFixed(1)} plans/min; `
    + `CPU ${summary.cpuSeconds.toFixed(1)} s (${(summary.cpuSeconds / stored).toFixed(2)} s per plan); worker wall time: hash ${st.hash.toFixed(1)} s, read ${st.read.toFixed(1)} s, `
    + `DVH ${st.dvh.toFixed(1)} s, names + evaluation ${st.evaluate.toFixed(1)} s; main-thread writes ${st.store.toFixed(1)} s; grades ${JSON.stringify(summary.grades)}`);
  cpuPerPlan.push(summary.cpuSeconds / stored);
}
const sorted = [...results].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const cpuMedian = [...cpuPerPlan].sort((a, b) => a - b)[Math.floor(cpuPerPlan.length / 2)];
console.log(`bench:batch: ${patients} patients${small ? ' (--small)' : ''}, ${workers} workers, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}: `
  + `median ${median.toFixed(1)} plans/min over ${runs} runs (target ≥ 60); median CPU ${cpuMedian.toFixed(2)} s per plan`
  + ` (${cpus().length} idle cores would allow at most ${((cpus().length * 60) / cpuMedian).toFixed(0)} plans/min)`);
