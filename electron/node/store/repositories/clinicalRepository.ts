import { appendAudit } from '../auditLog';
import type { Writer } from '../writer';

export interface PatientClinical {
  tumourSite: string | null;
  /** the other baseline variables as the file gave them (column → value) */
  variables: Record<string, string>;
}

/**
 * Set a stored patient's clinical data, audited with the previous values. Returns how many patients were
 * updated: 0 when no patient with that id is in the database (within the trial, when given).
 */
export function setPatientClinical(w: Writer, patientId: string, trialName: string | null, clinical: PatientClinical): number {
  const rows = w.db.prepare(`SELECT pt.id, pt.tumour_site AS tumourSite, pt.clinical_json AS clinicalJson FROM patients pt JOIN trials t ON t.id = pt.trial_id
    WHERE pt.patient_id = ? AND (? IS NULL OR t.name = ?)`).all(patientId, trialName, trialName) as { id: number; tumourSite: string | null; clinicalJson: string | null }[];
  const update = w.db.prepare('UPDATE patients SET tumour_site = ?, clinical_json = ? WHERE id = ?');
  for (const row of rows) {
    update.run(clinical.tumourSite, JSON.stringify(clinical.variables), row.id);
    appendAudit(w.db, { actor: w.actor, action: 'patient.clinical', entity: 'patient', entityId: row.id,
      before: { tumourSite: row.tumourSite, variables: row.clinicalJson ? JSON.parse(row.clinicalJson) : null }, after: clinical });
  }
  return rows.length;
}
