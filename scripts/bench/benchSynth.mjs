// Speed of the in-silico trial generator: `npm run bench:synth -- [--patients 100] [--centres 5] [--small]`.
// Runs the real command (`rtqa synth`, default 512×512 CT, 2.5 mm slices and dose grid) as a child process and
// reports wall time, CPU time (user+sys of the child) and the machine load, since on a shared machine wall time
// says more about the neighbours than about the generator. Target: 100 patients in under 3 minutes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const patients = Number(arg('patients', 100));
const centres = Number(arg('centres', 5));
const small = process.argv.includes('--small');
const outDir = join(root, 'build', 'bench', `synth-${patients}${small ? '-small' : ''}`);

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale', '--no-renderer'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const loadBefore = loadavg()[0];
const started = process.hrtime.bigint();
const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, join(root, 'build/cli/rtqa.mjs'), 'synth', '--out', outDir,
  '--patients', String(patients), '--centres', String(centres), '--seed', '7', ...(small ? ['--small'] : [])], { cwd: root, encoding: 'utf8' });
const wallS = Number(process.hrtime.bigint() - started) / 1e9;
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(run.status ?? 1);
}
const [userS, sysS] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
const truth = JSON.parse(readFileSync(join(outDir, 'truth.json'), 'utf8'));
let bytes = 0, files = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name));
    else { bytes += statSync(join(dir, e.name)).size; files++; }
  }
};
walk(outDir);
const rate = (key) => truth.patients.filter((p) => p.outcomes[key].event).length / truth.patients.length;
const meanP = (key) => truth.patients.reduce((s, p) => s + p.outcomes[key].probability, 0) / truth.patients.length;
console.log(JSON.stringify({
  patients, centres, small, wallS: Number(wallS.toFixed(1)), cpuS: Number((userS + sysS).toFixed(1)),
  cpuPerPatientS: Number(((userS + sysS) / patients).toFixed(2)), files, gigabytes: Number((bytes / 1e9).toFixed(2)),
  loadAverageBefore: Number(loadBefore.toFixed(1)), loadAverageAfter: Number(loadavg()[0].toFixed(1)), cores: cpus().length,
  targetMet: wallS < 180,
  plansWithDeviation: truth.patients.filter((p) => p.expectedGrade !== 'per_protocol').length,
  majorPlans: truth.patients.filter((p) => p.expectedGrade === 'major').length,
  protonPlans: truth.patients.filter((p) => p.radiation === 'proton').length,
  xerostomiaG2: { observed: rate('xerostomiaG2'), meanProbability: Number(meanP('xerostomiaG2').toFixed(3)) },
  dysphagiaG2: { observed: rate('dysphagiaG2'), meanProbability: Number(meanP('dysphagiaG2').toFixed(3)) },
  lrc2y: {
    observed: 1 - truth.patients.filter((p) => p.outcomes.localControl.event && p.outcomes.localControl.months <= 24).length / truth.patients.length,
    meanProbability: Number((truth.patients.reduce((s, p) => s + p.outcomes.localControl.probability2y, 0) / truth.patients.length).toFixed(3)),
  },
}, null, 1));
