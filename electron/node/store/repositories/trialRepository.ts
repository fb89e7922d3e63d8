import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';

/** Trials, centres and patients: created on first sight, never duplicated (unique keys + lookup first). */

export function ensureTrial(w: Writer, name: string): number {
  const found = w.db.prepare('SELECT id FROM trials WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  const row = { name, created_at: new Date().toISOString() };
  const id = Number(w.db.prepare('INSERT INTO trials (name, created_at) VALUES (@name, @created_at)').run(row).lastInsertRowid);
  appendAudit(w.db, { actor: w.actor, action: 'trial.create', entity: 'trial', entityId: id, before: null, after: row });
  return id;
}

export function ensureCentre(w: Writer, trialId: number, name: string): number {
  const found = w.db.prepare('SELECT id FROM centres WHERE trial_id = ? AND name = ?').get(trialId, name) as { id: number } | undefined;
  if (found) return found.id;
  const id = Number(w.db.prepare('INSERT INTO centres (trial_id, name) VALUES (?, ?)').run(trialId, name).lastInsertRowid);
  appendAudit(w.db, { actor: w.actor, action: 'centre.create', entity: 'centre', entityId: id, before: null, after: { trialId, name } });
  return id;
}

/** The patient's row id. A patient already known at another centre keeps its first centre (noted by the caller). */
export function ensurePatient(w: Writer, trialId: number, centreId: number, patientId: string): number {
  const found = w.db.prepare('SELECT id FROM patients WHERE trial_id = ? AND patient_id = ?').get(trialId, patientId) as { id: number } | undefined;
  if (found) return found.id;
  const id = Number(w.db.prepare('INSERT INTO patients (trial_id, centre_id, patient_id) VALUES (?, ?, ?)')
    .run(trialId, centreId, patientId).lastInsertRowid);
  appendAudit(w.db, { actor: w.actor, action: 'patient.create', entity: 'patient', entityId: id, before: null, after: { trialId, centreId, patientId } });
  return id;
}

export function findCentreId(db: Db, trialName: string, centreName: string): number | null {
  const row = db.prepare('SELECT c.id FROM centres c JOIN trials t ON t.id = c.trial_id WHERE t.name = ? AND c.name = ?')
    .get(trialName, centreName) as { id: number } | undefined;
  return row?.id ?? null;
}
