// How much of each toxicity outcome depends on WHERE in an organ the dose falls, straight from the generator:
// the expected AUC of the true probability (Bayes-optimal) against the expected AUC of the same model with each
// cranial-half mean dose replaced by its organ mean (the generator's own coefficients on whole-organ doses). The
// gap estimates what a spatial model can gain over a DVH-only one (the ">= 0.05" bar).
// A refitted DVH model narrows it further: each cranial-half dose is regressed (least squares, in sample) on its
// organ's dose quantiles D2..D98 and mean, and the "DVH-refit oracle" feeds the generator that prediction. R² near 1
// means the whole-organ DVH already tells the sub-region dose (the superior constrictor: its cranial half is always
// its low-dose half); the parotids' is lower because half the glands have their dose arrangement mirrored
// cranio-caudally (planPatient.ts), which leaves their DVH unchanged.
// Expected AUC under Bernoulli(p) outcomes: sum over pairs p_i (1 - p_j) [s_i > s_j] / sum p_i (1 - p_j).
// Usage (bundled with esbuild, ESM): node subRegionDependence.mjs [--patients 300] [--seed 777]
import { readFileSync } from 'node:fs';
import { parseProtocolYaml } from '../electron/common/domain/protocol/parseProtocolYaml';
import { drawCentres, drawPatients } from '../electron/common/domain/synth/drawCohort';
import { drawOutcomes, type OutcomeClinical } from '../electron/common/domain/synth/drawOutcomes';
import { outcomeDoses } from '../electron/common/domain/synth/outcomeDoses';
import { planPatient, SMALL_SIZE, type PatientPlan } from '../electron/common/domain/synth/planPatient';
import { sampleDose } from '../electron/common/domain/synth/sampledMetric';
import { sampleStructure } from '../electron/common/domain/synth/sampleStructure';
import { SeededRandom } from '../electron/common/domain/synth/seededRandom';
import { synthProtocolPath } from '../electron/node/synth/synthProtocolPath';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : fallback; };
const patientsN = Number(arg('patients', '300'));
const seed = Number(arg('seed', '777'));
const protocolPath = synthProtocolPath();
const protocol = parseProtocolYaml(readFileSync(protocolPath, 'utf8'), protocolPath);
const rng = new SeededRandom(`trial/${seed}`);
const specs = drawPatients(rng.fork('patients'), drawCentres(rng.fork('centres'), 5), patientsN);
const full = { xerostomiaG2: [] as number[], dysphagiaG2: [] as number[] };
const wholeOrgan = { xerostomiaG2: [] as number[], dysphagiaG2: [] as number[] };
const QUANTILES = [0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.98];
/** [1, mean, D(q) for each quantile] of an organ's sampled dose, Gy: the regressors of the DVH-refit oracle */
function dvhRegressors(plan: PatientPlan, organ: string): number[] {
  const shape = plan.anatomy.structures.find((s) => s.name === organ)?.shape;
  if (!shape) return [1, 0, ...QUANTILES.map(() => 0)];
  const doses = Array.from(sampleDose(sampleStructure(shape, plan.ctPlanesMm, 8000), plan.doseGrid)).sort((a, b) => a - b);
  const mean = doses.reduce((a, b) => a + b, 0) / Math.max(1, doses.length);
  return [1, mean, ...QUANTILES.map((q) => doses[Math.floor(q * (doses.length - 1))] ?? 0)];
}
type PatientRecord = { doses: ReturnType<typeof outcomeDoses>; clinical: OutcomeClinical; regressors: Record<'L' | 'R' | 'pcm', number[]> };
const records: PatientRecord[] = [];
for (const spec of specs) {
  const plan = planPatient(spec, protocol, SMALL_SIZE, seed);
  const doses = outcomeDoses(plan);
  const clinical: OutcomeClinical = {
    tumourSide: spec.tumourSide, baselineXerostomia: spec.baselineXerostomia, baselineDysphagia: spec.baselineDysphagia, location: spec.location,
    postOperative: spec.scheduleId.startsWith('postop'), hpvPositive: spec.hpvPositive, tStage: spec.tStage, highPtvName: 'PTV_High',
  };
  records.push({ doses, clinical, regressors: { L: dvhRegressors(plan, 'Parotid_L'), R: dvhRegressors(plan, 'Parotid_R'), pcm: dvhRegressors(plan, 'Musc_Constrict_S') } });
  const withTerm = drawOutcomes(doses, clinical, new SeededRandom('unused'));
  const without = drawOutcomes({ ...doses, parotidCranialMeanGy: doses.parotidMeanGy, pcmSupCranialMeanGy: doses.pcmSupMeanGy }, clinical, new SeededRandom('unused'));
  for (const head of ['xerostomiaG2', 'dysphagiaG2'] as const) {
    full[head].push(withTerm[head].probability);
    wholeOrgan[head].push(without[head].probability);
  }
}

function expectedAuc(score: number[], p: number[]): number {
  let num = 0, den = 0;
  for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) {
    if (i === j) continue;
    const w = p[i] * (1 - p[j]);
    den += w;
    num += w * (score[i] > score[j] ? 1 : score[i] === score[j] ? 0.5 : 0);
  }
  return num / den;
}

/** Least squares β for rows X·β ≈ y (normal equations with a tiny ridge, Gauss–Jordan elimination). */
function leastSquares(rows: number[][], y: number[]): number[] {
  const k = rows[0].length;
  const a = Array.from({ length: k }, (_, i) => [...Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0) + (i === j ? 1e-6 : 0)), rows.reduce((s, r, n) => s + r[i] * y[n], 0)]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < k; r++) {
      if (r === c || a[c][c] === 0) continue;
      const f = a[r][c] / a[c][c];
      for (let j = c; j <= k; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[k] / row[i]));
}
/** In-sample DVH prediction of each row's sub-region dose and the R² it reaches. */
function dvhRefit(rows: number[][], y: number[]): { predicted: number[]; rSquared: number } {
  const beta = leastSquares(rows, y);
  const predicted = rows.map((r) => r.reduce((s, v, i) => s + v * beta[i], 0));
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const residual = y.reduce((s, v, n) => s + (v - predicted[n]) ** 2, 0), total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { predicted, rSquared: total > 0 ? 1 - residual / total : 1 };
}
const parotidFit = dvhRefit(records.flatMap((r) => [r.regressors.L, r.regressors.R]), records.flatMap((r) => [r.doses.parotidCranialMeanGy.L, r.doses.parotidCranialMeanGy.R]));
const pcmFit = dvhRefit(records.map((r) => r.regressors.pcm), records.map((r) => r.doses.pcmSupCranialMeanGy));
const refit = { xerostomiaG2: [] as number[], dysphagiaG2: [] as number[] };
records.forEach((r, n) => {
  const o = drawOutcomes({
    ...r.doses, parotidCranialMeanGy: { L: parotidFit.predicted[2 * n], R: parotidFit.predicted[2 * n + 1] }, pcmSupCranialMeanGy: pcmFit.predicted[n],
  }, r.clinical, new SeededRandom('unused'));
  refit.xerostomiaG2.push(o.xerostomiaG2.probability);
  refit.dysphagiaG2.push(o.dysphagiaG2.probability);
});

const subRegionR2 = { xerostomiaG2: parotidFit.rSquared, dysphagiaG2: pcmFit.rSquared };
const result = Object.fromEntries((['xerostomiaG2', 'dysphagiaG2'] as const).map((head) => {
  const bayes = expectedAuc(full[head], full[head]);
  const dvhOnly = expectedAuc(wholeOrgan[head], full[head]);
  const dvhRefitAuc = expectedAuc(refit[head], full[head]);
  return [head, {
    bayesOptimalAuc: +bayes.toFixed(3), wholeOrganOracleAuc: +dvhOnly.toFixed(3), subRegionGap: +(bayes - dvhOnly).toFixed(3),
    subRegionDoseRSquaredFromDvh: +subRegionR2[head].toFixed(3), dvhRefitOracleAuc: +dvhRefitAuc.toFixed(3), gapAfterDvhRefit: +(bayes - dvhRefitAuc).toFixed(3),
  }];
}));
console.log(JSON.stringify({ patients: patientsN, seed, ...result }, null, 1));
