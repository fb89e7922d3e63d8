// Recomputes the synthetic trial's truth (outcomes, deviations, clinical variables) for a seed WITHOUT writing
// DICOM, by the generator's own pure functions in the same order as electron/node/synth/generateTrial.ts.
// Why: on the shared 2-core machine a 110-patient `rtqa synth` takes over an hour; a run stopped early has
// complete DICOM folders for its first patients but no truth.json. Same seed, same patient count => same draws.
// Usage (bundled with esbuild): node synthTruthOnly.mjs --patients N --centres M --seed S --small --out truth.json
import { readFileSync, writeFileSync } from 'node:fs';
import { parseProtocolYaml } from '../electron/common/domain/protocol/parseProtocolYaml';
import { drawCentres, drawPatients } from '../electron/common/domain/synth/drawCohort';
import { drawOutcomes } from '../electron/common/domain/synth/drawOutcomes';
import { outcomeDoses } from '../electron/common/domain/synth/outcomeDoses';
import { DEFAULT_SIZE, planPatient, SMALL_SIZE } from '../electron/common/domain/synth/planPatient';
import { SeededRandom } from '../electron/common/domain/synth/seededRandom';
import { truthDeviations, worstGrade } from '../electron/common/domain/synth/truthDeviations';
import { synthProtocolPath } from '../electron/node/synth/synthProtocolPath';

const arg = (name: string, fallback?: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : fallback; };
const patientsN = Number(arg('patients')); const centresN = Number(arg('centres'));
const seedText = arg('seed') as string; const seed: number | string = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
const only = Number(arg('first', String(patientsN)));
const protocolPath = synthProtocolPath();
const protocol = parseProtocolYaml(readFileSync(protocolPath, 'utf8'), protocolPath);
const size = process.argv.includes('--small') ? SMALL_SIZE : DEFAULT_SIZE;
const rng = new SeededRandom(`trial/${seed}`);
const centres = drawCentres(rng.fork('centres'), centresN);
const specs = drawPatients(rng.fork('patients'), centres, patientsN);
const patients = [];
for (const spec of specs.slice(0, only)) {
  const plan = planPatient(spec, protocol, size, seed);
  const deviations = truthDeviations(spec, plan, protocol);
  const outcomes = drawOutcomes(outcomeDoses(plan), {
    tumourSide: spec.tumourSide, baselineXerostomia: spec.baselineXerostomia, baselineDysphagia: spec.baselineDysphagia, location: spec.location,
    postOperative: spec.scheduleId.startsWith('postop'), hpvPositive: spec.hpvPositive, tStage: spec.tStage,
    highPtvName: plan.anatomy.targetLevels[0]?.ptvName ?? 'PTV_High',
  }, new SeededRandom(`${seed}/${spec.patientId}/outcomes`));
  patients.push({
    patientId: spec.patientId, centre: spec.centre.centre, centreCode: spec.centre.code, expectedGrade: worstGrade(deviations), deviations,
    outcomes: { xerostomiaG2: outcomes.xerostomiaG2, dysphagiaG2: outcomes.dysphagiaG2, localControl: outcomes.localControl },
    causalStructures: outcomes.causalStructures, causalStructuresByOutcome: outcomes.causalStructuresByOutcome,
    clinical: {
      age: spec.age, sex: spec.sex, site: spec.site, location: spec.location, tStage: spec.tStage, hpvPositive: spec.hpvPositive,
      baselineXerostomia: spec.baselineXerostomia, baselineDysphagia: spec.baselineDysphagia, tumourSide: spec.tumourSide === 1 ? 'L' : 'R',
    },
  });
}
writeFileSync(arg('out', 'truth.json') as string, JSON.stringify({ seed, recomputedBy: 'native-models/synthTruthOnly.ts', patients }, null, 1));
console.error(`truth for ${patients.length} patients written`);
