// "Attention ranks a causal organ first" (evaluate.py attention_top_causal) for a shipped ONNX model that takes the
// tabular inputs (tabular-mil), on the test inputs dumpTestInputs.py wrote: re-scores the shipped models' attention
// when the truth reading changes, without retraining.
// Usage: node native-models/attentionFromOnnx.mjs native-models/models/tabular-mil.onnx TEST.json
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
const [modelPath, dataPath] = process.argv.slice(2);
const d = JSON.parse(readFileSync(dataPath, 'utf8'));
const P = d.organIds.length, N = d.organIds[0].length, F = d.instances[0][0].length, C = d.clinical[0].length;
const session = await ort.InferenceSession.create(modelPath);
const feeds = {
  organIds: new ort.Tensor('int64', BigInt64Array.from(d.organIds.flat().map(BigInt)), [P, N]),
  instanceFeatures: new ort.Tensor('float32', Float32Array.from(d.instances.flat(2)), [P, N, F]),
  instanceMask: new ort.Tensor('float32', Float32Array.from(d.mask.flat()), [P, N]),
  clinical: new ort.Tensor('float32', Float32Array.from(d.clinical.flat()), [P, C]),
};
const wanted = Object.fromEntries(Object.entries(feeds).filter(([k]) => session.inputNames.includes(k)));
const out = await session.run(wanted);
const att = out.organAttention.data; // [P, 4, N]
const heads = ['majorDeviation', 'xerostomiaG2', 'dysphagiaG2'];
const result = {};
heads.forEach((head, h) => {
  let hits = 0, total = 0;
  for (let p = 0; p < P; p++) {
    if (d.known[p][h] === 0 || d.labels[p][h] !== 1) continue;
    const causal = d.causal[p][head] ?? d.causal[p].any ?? [];
    if (causal.length === 0) continue;
    const n = d.mask[p].reduce((a, b) => a + b, 0);
    let top = 0;
    for (let j = 1; j < n; j++) if (att[(p * 4 + h) * N + j] > att[(p * 4 + h) * N + top]) top = j;
    const names = [d.names[p][top], d.vocab[d.organIds[p][top]]];
    total++;
    if (names.some((x) => causal.includes(x))) hits++;
  }
  result[head] = { positivesWithCausalOrgans: total, fractionTopIsCausal: +(hits / total).toFixed(3) };
});
console.log(modelPath.split('/').pop(), JSON.stringify(result));
