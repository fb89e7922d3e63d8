// How much of each toxicity outcome depends on WHERE in an organ the dose falls, straight from the generator:
// the expected AUC of the true probability (Bayes-optimal) against the expected AUC of the same model with each
// cranial-half mean dose replaced by its organ mean (the generator's own coefficients on whole-organ doses). The
// gap estimates what a spatial model can gain over a DVH-only one (the ">= 0.05" bar); a refitted DVH
// model can narrow it further, as sub-region and organ doses are correlated.
// Expected AUC under Bernoulli(p) outcomes: sum over pairs p_i (1 - p_j) [s_i > s_j] / sum p_i (1 - p_j).
// Usage (bundled with esbuild, ESM): node subRegionDependence.mjs [--patients 300] [--seed 777]
import { readFileSync } from 'node:fs';
import { parseProtocolYaml } from '../electron/common/domain/protocol/parseProtocolYaml';
import { drawCentres, drawPatients } from '../electron/common/domain/synth/drawCohort';
import { drawOutcomes, type OutcomeClinical } from '../electron/common/domain/synth/drawOutcomes';
import { outcomeDoses } from '../electron/common/domain/synth/outcomeDoses';
import { planPatient, SMALL_SIZE } from '../electron/common/domain/synth/planPatient';
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
for (const spec of specs) {
  const plan = planPatient(spec, protocol, SMALL_SIZE, seed);
  const doses = outcomeDoses(plan);
  const clinical: OutcomeClinical = {
    tumourSide: spec.tumourSide, baselineXerostomia: spec.baselineXerostomia, baselineDysphagia: spec.baselineDysphagia, location: spec.location,
    postOperative: spec.scheduleId.startsWith('postop'), hpvPositive: spec.hpvPositive, tStage: spec.tStage, highPtvName: 'PTV_High',
  };
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

const result = Object.fromEntries((['xerostomiaG2', 'dysphagiaG2'] as const).map((head) => {
  const bayes = expectedAuc(full[head], full[head]);
  const dvhOnly = expectedAuc(wholeOrgan[head], full[head]);
  return [head, { bayesOptimalAuc: +bayes.toFixed(3), wholeOrganOracleAuc: +dvhOnly.toFixed(3), subRegionGap: +(bayes - dvhOnly).toFixed(3) }];
}));
console.log(JSON.stringify({ patients: patientsN, seed, ...result }, null, 1));
