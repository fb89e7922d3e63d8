// Opening a plan in the browser host, as the renderer does it: getPlanReview (database + DICOM read-back,
// worst-dose points), then the CT and dose bytes from /voxels. Cold = first open of the plan in this server
// (its DICOM files are read), warm = opened again (served from the imaging cache).
//   npm run --silent bench:planReview -- [--data DIR] [--plans N]
// Uses the demo trial in DIR (generated and imported on first use, which takes a minute or more).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const dataDir = arg('--data', mkdtempSync(join(tmpdir(), 'rtqa-bench-review-')));
const planCount = Number(arg('--plans', '6'));

const server = spawn(process.execPath, [join(root, 'build/cli/rtqa.mjs'), 'serve', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = new URL(await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve)));
const token = url.searchParams.get('token');
const headers = { 'content-type': 'application/json', 'x-rtqa-token': token };

async function call(name, input) {
  const result = await (await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers, body: JSON.stringify(input) })).json();
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

async function openPlan(planId) {
  const t0 = performance.now();
  const review = await call('getPlanReview', { planId });
  const t1 = performance.now();
  const volumes = [review.volumes.ct, review.volumes.dose].filter(Boolean);
  await Promise.all(volumes.map(async (v) => (await fetch(new URL(v.path, url), { headers })).arrayBuffer()));
  const t2 = performance.now();
  return { reviewMs: t1 - t0, voxelsMs: t2 - t1, totalMs: t2 - t0, mb: volumes.reduce((s, v) => s + v.byteLength, 0) / 1e6 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const t = performance.now();
  await call('ensureDemoTrial', { jobId: 'bench' });
  console.error(`demo trial ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const worklist = await call('getWorklist', {});
  const planIds = worklist.trials.flatMap((tr) => tr.centres.flatMap((c) => c.plans.map((p) => p.planId))).slice(0, planCount);
  const cold = [];
  const warm = [];
  for (const id of planIds) {
    cold.push(await openPlan(id));
    warm.push(await openPlan(id));
  }
  const row = (label, runs) => `${label}: getPlanReview median ${median(runs.map((r) => r.reviewMs)).toFixed(0)} ms, `
    + `+ CT and dose bytes median ${median(runs.map((r) => r.voxelsMs)).toFixed(0)} ms, total median ${median(runs.map((r) => r.totalMs)).toFixed(0)} ms, `
    + `max ${Math.max(...runs.map((r) => r.totalMs)).toFixed(0)} ms (${median(runs.map((r) => r.mb)).toFixed(1)} MB of voxels per plan)`;
  console.log(`plans opened: ${planIds.length}`);
  console.log(row('cold (first open)', cold));
  console.log(row('warm (opened again)', warm));
} finally {
  server.kill('SIGTERM');
}
