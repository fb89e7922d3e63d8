// `npm run bench`: speed of `rtqa dvh DIR --json` on a realistic head-and-neck plan, against plastimatch's DVH
// pipeline (rasterise the RTSTRUCT on the CT, then `plastimatch dvh`) on the same plan in the same run.
// Usage: npm run bench -- [--runs 5] [--seed 11] [--data DIR] [--workers N] [--no-plastimatch]
// The plan comes from `rtqa synth` (default full-size CT: 512×512×160 at 0.98×0.98×2.5 mm, ~34 structures
// including the external contour and two lenses, 2.5 mm dose grid), generated once and reused.
// Every run is a fresh process (Node start-up included), measured by /usr/bin/time -v: wall time, CPU time
// (user + system) and peak resident memory; the script prints each run and the medians.
// Targets (issue 2): < 1.5 s wall, < 1 GB peak, ≥ 3× faster than plastimatch.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Math.max(1, Number(arg('runs', 5)));
const seed = Number(arg('seed', 11));
const workers = arg('workers', undefined);
const dataDir = arg('data', join(root, 'build', 'bench', `dvh-plan-seed${seed}`));
const builtCli = join(root, 'build', 'cli', 'rtqa.mjs');
const timeBin = '/usr/bin/time';

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale', '--no-renderer'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!existsSync(timeBin)) {
  console.error('bench: /usr/bin/time is missing (Debian package "time"): it measures CPU time and peak memory');
  process.exit(1);
}

if (!existsSync(join(dataDir, 'truth.json'))) {
  console.error(`bench: generating the plan into ${dataDir} (once)`);
  const synth = spawnSync(process.execPath, [builtCli, 'synth', '--out', dataDir, '--patients', '1', '--centres', '1', '--seed', String(seed)], { stdio: 'inherit' });
  if (synth.status !== 0) process.exit(synth.status ?? 1);
}
const planDir = findPlanDir(dataDir);
// time a private copy of the bundle (and its workers): a rebuild of build/cli by someone else mid-run must not
// change what is measured; it still resolves node_modules from inside the repository
const snapshot = join(root, 'build', 'bench', `cli-snapshot-${process.pid}`);
cpSync(join(root, 'build', 'cli'), snapshot, { recursive: true });
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));
const cli = join(snapshot, 'rtqa.mjs');

/** runs a command under /usr/bin/time -v; returns wall s, cpu s, peak MB and stdout */
function timed(command, args, options = {}) {
  const result = spawnSync(timeBin, ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const field = (label) => {
    const m = new RegExp(`${label}: ([^\\n]+)`).exec(result.stderr);
    return m ? m[1].trim() : '';
  };
  const wallParts = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const wall = wallParts.reduce((s, p) => s * 60 + p, 0);
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  const peakMb = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
  const status = Number(field('Exit status'));
  if (status !== 0 && status !== 2) {
    console.error(`bench: ${command} ${args.join(' ')} failed (exit ${status}):\n${result.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return { wall, cpu, peakMb, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (label, rows) => ({ label, wall: median(rows.map((r) => r.wall)), cpu: median(rows.map((r) => r.cpu)), peakMb: Math.max(...rows.map((r) => r.peakMb)) });
const show = (s) => `${s.label.padEnd(34)} wall ${s.wall.toFixed(2).padStart(6)} s   CPU ${s.cpu.toFixed(2).padStart(6)} s   peak ${s.peakMb.toFixed(0).padStart(5)} MB`;

// rtqa dvh
const rtqaArgs = [cli, 'dvh', planDir, '--json', ...(workers !== undefined ? ['--workers', workers] : [])];
const rtqaRuns = [];
let structureCount = 0;
for (let run = 1; run <= runs; run++) {
  const r = timed(process.execPath, rtqaArgs);
  const doc = JSON.parse(r.stdout);
  structureCount = doc.plans.reduce((n, p) => n + p.structures.length, 0);
  rtqaRuns.push(r);
  console.log(`rtqa dvh run ${run}: wall ${r.wall.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s, peak ${r.peakMb.toFixed(0)} MB, ${structureCount} structures`);
}
const rtqa = summary(`rtqa dvh (${structureCount} structures)`, rtqaRuns);

// plastimatch: rasterise on the CT grid, then DVH (the whole pipeline is timed: both processes added)
let plastimatch = null;
const havePlastimatch = !process.argv.includes('--no-plastimatch') && spawnSync('plastimatch', ['--version'], { encoding: 'utf8' }).status === 0;
if (havePlastimatch) {
  const work = mkdtempSync(join(tmpdir(), 'rtqa-bench-plastimatch-'));
  const ctDir = join(work, 'ct');
  mkdirSync(ctDir);
  for (const f of readdirSync(planDir).filter((f) => f.startsWith('CT'))) symlinkSync(join(planDir, f), join(ctDir, f));
  const rs = join(planDir, readdirSync(planDir).find((f) => f.startsWith('RS')));
  const rd = join(planDir, readdirSync(planDir).find((f) => f.startsWith('RD')));
  const pmRuns = [];
  for (let run = 1; run <= runs; run++) {
    const convert = timed('plastimatch', ['convert', '--input', rs, '--referenced-ct', ctDir,
      '--output-ss-img', join(work, 'ss.nrrd'), '--output-ss-list', join(work, 'ss.txt')], { cwd: work });
    const dvh = timed('plastimatch', ['dvh', '--input-ss-img', join(work, 'ss.nrrd'), '--input-ss-list', join(work, 'ss.txt'),
      '--input-dose', rd, '--output-csv', join(work, 'dvh.csv'), '--num-bins', '8000', '--bin-width', '0.01'], { cwd: work });
    const r = { wall: convert.wall + dvh.wall, cpu: convert.cpu + dvh.cpu, peakMb: Math.max(convert.peakMb, dvh.peakMb) };
    pmRuns.push(r);
    console.log(`plastimatch run ${run}: convert ${convert.wall.toFixed(2)} s + dvh ${dvh.wall.toFixed(2)} s wall, CPU ${r.cpu.toFixed(2)} s, peak ${r.peakMb.toFixed(0)} MB`);
  }
  const header = readFileSync(join(work, 'dvh.csv'), 'utf8').split('\n')[0];
  plastimatch = summary(`plastimatch convert + dvh (${header.split(',').length - 1} structures)`, pmRuns);
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nbench (DVH), plan ${planDir}, ${runs} runs, ${cpus().length} cores, medians:`);
console.log(show(rtqa));
if (plastimatch) {
  console.log(show(plastimatch));
  console.log(`speed-up vs plastimatch: ${(plastimatch.wall / rtqa.wall).toFixed(1)}× wall, ${(plastimatch.cpu / rtqa.cpu).toFixed(1)}× CPU`);
} else {
  console.log('plastimatch: not run (not installed or --no-plastimatch)');
}
console.log(`targets: wall < 1.5 s ${rtqa.wall < 1.5 ? 'met' : 'NOT met'}; peak < 1 GB ${rtqa.peakMb < 1024 ? 'met' : 'NOT met'}` +
  (plastimatch ? `; ≥ 3× faster than plastimatch ${plastimatch.wall / rtqa.wall >= 3 ? 'met' : 'NOT met'}` : ''));

function findPlanDir(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.startsWith('RS'))) return dir;
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const found = findPlanDir(join(dir, e.name));
    if (found) return found;
  }
  return null;
}
