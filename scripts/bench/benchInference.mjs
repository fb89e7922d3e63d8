// Inference speed of the shipped ONNX models on this CPU (onnxruntime-node, one session per model, reused).
// Usage: npm run bench:inference -- [--runs 50] [--organs 33] [--patches 32] [--threads 1]
// Per model: median and 90th-percentile milliseconds per patient (batch of one, a full-size bag: 33 organ
// instances, 32 patches of 7×8³ voxels: MAX_PATCHES of the feature spec), after 5 warm-up runs. Targets: tabular < 10 ms, spatial < 1 s per
// patient. Also prints the total size of the model files (target < 50 MB). Inputs are drawn inside each
// input's model-card range (speed does not depend on the values).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? Number(process.argv[i + 1]) : fallback; };
const runs = arg('runs', 50);
const sizes = { batch: 1, organs: arg('organs', 33), patches: arg('patches', 32) };
const threads = arg('threads', 1);
const modelsDir = join(root, 'native-models', 'models');

let seed = 12345;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };

function makeInput(spec) {
  const dims = spec.shape.map((d) => (typeof d === 'number' ? d : sizes[d]));
  const n = dims.reduce((a, b) => a * b, 1);
  if (spec.dtype === 'int64') return new ort.Tensor('int64', BigInt64Array.from({ length: n }, () => BigInt(Math.floor(random() * (spec.max + 1)))), dims);
  const lo = spec.name.endsWith('Mask') ? 1 : Math.max(spec.min, 0);
  const hi = spec.name.endsWith('Mask') ? 1 : Math.min(spec.max, 1);
  return new ort.Tensor('float32', Float32Array.from({ length: n }, () => lo + random() * (hi - lo)), dims);
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const cards = readdirSync(modelsDir).filter((f) => f.endsWith('.card.json')).sort();
console.log(`bench:inference — ${cpus().length} CPU(s), load ${loadavg()[0].toFixed(1)}, ${threads} intra-op thread(s), ${runs} runs, bag: ${sizes.organs} organs / ${sizes.patches} patches`);
let totalBytes = 0;
const results = {};
for (const file of cards) {
  const card = JSON.parse(readFileSync(join(modelsDir, file), 'utf8'));
  const modelPath = join(modelsDir, card.file);
  totalBytes += statSync(modelPath).size;
  const session = await ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1 });
  const feeds = Object.fromEntries(card.inputs.map((spec) => [spec.name, makeInput(spec)]));
  for (let i = 0; i < 5; i++) await session.run(feeds);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await session.run(feeds);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await session.release();
  const target = card.kind === 'tabular' ? 10 : 1000;
  results[card.name] = { kind: card.kind, medianMs: quantile(ms, 0.5), p90Ms: quantile(ms, 0.9), targetMs: target, fileMB: statSync(modelPath).size / 1e6 };
  const r = results[card.name];
  console.log(`${card.name.padEnd(18)} ${card.kind.padEnd(8)} median ${r.medianMs.toFixed(2)} ms  p90 ${r.p90Ms.toFixed(2)} ms per patient  (target < ${target} ms: ${r.medianMs < target ? 'met' : 'NOT met'})  file ${r.fileMB.toFixed(2)} MB`);
}
console.log(`all model files: ${(totalBytes / 1e6).toFixed(2)} MB (target < 50 MB: ${totalBytes < 50e6 ? 'met' : 'NOT met'})`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ sizes, threads, runs, results, totalMB: totalBytes / 1e6 }));
