// Fills the clinical vector of feature folders exported before the trial's truth.json existed (features run
// per patient while `rtqa synth` was still writing): recomputes it with the app's own buildClinicalFeatures
// from the truth.json clinical block and the plan facts already in the vector (prescription/70 Gy,
// fractions/35, particle flag), so the numbers are exactly what `rtqa features --clinical truth.json` writes.
// Usage (bundled with esbuild): node relinkClinical.mjs TRUTH_JSON FEATURE_DIR...
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClinicalFeatures } from '../electron/common/domain/features/buildClinicalFeatures';
import { CLINICAL_FEATURE_NAMES, DOSE_SCALE_GY } from '../electron/common/domain/features/featureSpec';
import { readClinicalVariables } from '../electron/node/inference/readClinicalVariables';

const [truthPath, ...dirs] = process.argv.slice(2);
const { byPatient } = readClinicalVariables(truthPath);
const rxIndex = CLINICAL_FEATURE_NAMES.indexOf('prescription_per70Gy');
const fxIndex = CLINICAL_FEATURE_NAMES.indexOf('fractions_per35');
const particleIndex = CLINICAL_FEATURE_NAMES.indexOf('particleTherapy');
let changed = 0;
for (const dir of dirs) {
  const file = join(dir, 'bags.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const out = lines.map((line) => {
    const bag = JSON.parse(line);
    const clinical = byPatient.get(bag.patientId);
    if (!clinical) throw new Error(`${file}: patient ${bag.patientId} not in ${truthPath}`);
    const v = bag.clinical as number[];
    const plan = { prescriptionGy: v[rxIndex] * DOSE_SCALE_GY, fractions: Math.round(v[fxIndex] * 35), radiationType: v[particleIndex] ? 'PROTON' : 'PHOTON' };
    const { values, missing } = buildClinicalFeatures(clinical, plan);
    changed += 1;
    return JSON.stringify({ ...bag, clinical: values, missingClinical: missing });
  });
  writeFileSync(file, out.join('\n') + '\n');
}
console.error(`clinical vectors recomputed for ${changed} plan(s)`);
