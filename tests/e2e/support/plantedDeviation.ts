import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TruthDeviation { structure: string | null; metric: string | null; grade: string; kind: string }
interface TruthPatient { patientId: string; centre: string; expectedGrade: string; deviations: TruthDeviation[] }

export interface PlantedMajorDeviation {
  readonly patientId: string;
  readonly centre: string;
  /** TG-263 name of the structure the deviation was planted on */
  readonly structure: string;
  readonly metric: string | null;
  readonly kind: string;
}

// dose deviations have a worst-dose point the views can move to; plan-level ones (fractionation …) do not
const DOSE_KINDS = ['organ_overdose', 'target_underdose', 'target_under_coverage', 'target_undercoverage'];

/** The generator's truth: a patient with a planted major dose deviation on a named structure. */
export function plantedMajorDeviation(trialDir: string): PlantedMajorDeviation {
  const truth = JSON.parse(readFileSync(join(trialDir, 'truth.json'), 'utf8')) as { patients: TruthPatient[] };
  const candidates = truth.patients.flatMap((p) => p.deviations
    .filter((d) => d.grade === 'major' && d.structure)
    .map((d) => ({ patientId: p.patientId, centre: p.centre, structure: d.structure!, metric: d.metric, kind: d.kind })));
  const chosen = candidates.find((c) => DOSE_KINDS.includes(c.kind)) ?? candidates[0];
  if (!chosen) throw new Error(`truth.json in ${trialDir} plants no major deviation on a structure: choose another seed`);
  return chosen;
}
