import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLINICAL_FILE = 'clinical.csv';

/**
 * The trial office's clinical records of the cohort (what `rtqa clinical import` reads): baseline variables
 * only, never outcomes. DICOM exports do not carry them.
 */
export function writeClinicalCsv(outDir: string, patients: readonly { patientId: string; clinical: Record<string, string | number | boolean> }[]): void {
  const header = ['patient_id', 'tumour_site', 't_stage', 'hpv_positive', 'age', 'sex', 'baseline_xerostomia', 'baseline_dysphagia'];
  const rows = patients.map((p) => [p.patientId, p.clinical.site, p.clinical.tStage, p.clinical.hpvPositive, p.clinical.age, p.clinical.sex,
    p.clinical.baselineXerostomia, p.clinical.baselineDysphagia].map((v) => String(v ?? '')));
  writeFileSync(join(outDir, CLINICAL_FILE), [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
}
