import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';
import { linkSourceFiles, type SourceFileRecord } from './sourceFileRepository';
import { insertStructures, type StructureRecord } from './structureRepository';
import { ensureCentre, ensurePatient, ensureTrial } from './trialRepository';

/** Everything the import stores for one plan. */
export interface PlanImport {
  trial: string;
  centre: string;
  patientId: string;
  planUid: string;
  /** sha256 over the sorted sha256 of its source files: the same files give the same key */
  contentKey: string;
  label: string | null;
  name: string | null;
  planDate: string | null;
  sopKind: string | null;
  radiationType: string | null;
  prescriptionGy: number | null;
  fractionsPlanned: number | null;
  manufacturer: string | null;
  planningSystem: string | null;
  structureSetUid: string | null;
  doseUid: string | null;
  /** dose grid spacing [column, row, slice], mm */
  doseGridSpacingMm: readonly number[] | null;
  warnings: readonly string[];
  sourceFiles: readonly SourceFileRecord[];
  structures: readonly StructureRecord[];
}

export interface PlanSummary {
  id: number;
  planUid: string;
  contentKey: string;
  label: string | null;
  patientId: string;
  centre: string;
  trial: string;
  prescriptionGy: number | null;
  fractionsPlanned: number | null;
  radiationType: string | null;
  importedAt: string;
}

export type ImportOutcome =
  | { status: 'created'; planId: number; structureIds: Map<number, number> }
  | { status: 'already_imported'; planId: number }
  | { status: 'conflict'; planId: number; message: string };

/**
 * Store a plan with its patient, centre, source files and structures, audited, unless the same
 * content is already there. Call inside one write transaction (see writeTransaction): the lookup and
 * the insert then see the same snapshot, so two processes importing the same files store it once.
 */
export function importPlan(w: Writer, p: PlanImport): ImportOutcome {
  const same = w.db.prepare('SELECT id FROM plans WHERE content_key = ?').get(p.contentKey) as { id: number } | undefined;
  if (same) return { status: 'already_imported', planId: same.id };
  const byUid = w.db.prepare('SELECT id FROM plans WHERE plan_uid = ?').get(p.planUid) as { id: number } | undefined;
  if (byUid) {
    return { status: 'conflict', planId: byUid.id, message: `plan ${p.planUid} (patient ${p.patientId}) is already stored from different files; the stored version is kept (a resubmission needs a new plan UID)` };
  }
  const trialId = ensureTrial(w, p.trial);
  const centreId = ensureCentre(w, trialId, p.centre);
  const patientRef = ensurePatient(w, trialId, centreId, p.patientId);
  const row = {
    patient_ref: patientRef, plan_uid: p.planUid, content_key: p.contentKey, label: p.label, name: p.name,
    plan_date: p.planDate, sop_kind: p.sopKind, radiation_type: p.radiationType, prescription_gy: p.prescriptionGy,
    fractions_planned: p.fractionsPlanned, manufacturer: p.manufacturer, planning_system: p.planningSystem,
    structure_set_uid: p.structureSetUid, dose_uid: p.doseUid,
    dose_grid_spacing_mm: p.doseGridSpacingMm ? JSON.stringify(p.doseGridSpacingMm) : null,
    warnings_json: JSON.stringify(p.warnings), imported_at: new Date().toISOString(),
  };
  const planId = Number(w.db.prepare(`INSERT INTO plans (${Object.keys(row).join(', ')})
    VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row).lastInsertRowid);
  linkSourceFiles(w.db, planId, p.sourceFiles);
  const structureIds = insertStructures(w.db, planId, p.structures);
  appendAudit(w.db, {
    actor: w.actor, action: 'plan.import', entity: 'plan', entityId: planId, before: null,
    after: {
      ...row, patientId: p.patientId, centre: p.centre,
      sourceFiles: p.sourceFiles.map((f) => ({ sha256: f.sha256, modality: f.modality, sopInstanceUid: f.sopInstanceUid })),
      structures: p.structures.map((s) => ({ roi: s.roiNumber, written: s.writtenName, tg263: s.tg263Name, status: s.mappingStatus })),
    },
  });
  return { status: 'created', planId, structureIds };
}

const summarySql = `SELECT p.id, p.plan_uid AS planUid, p.content_key AS contentKey, p.label, pt.patient_id AS patientId,
  c.name AS centre, t.name AS trial, p.prescription_gy AS prescriptionGy, p.fractions_planned AS fractionsPlanned,
  p.radiation_type AS radiationType, p.imported_at AS importedAt
  FROM plans p JOIN patients pt ON pt.id = p.patient_ref JOIN centres c ON c.id = pt.centre_id JOIN trials t ON t.id = pt.trial_id`;

export function listPlans(db: Db): PlanSummary[] {
  return db.prepare(`${summarySql} ORDER BY c.name, pt.patient_id, p.id`).all() as PlanSummary[];
}

export function getPlan(db: Db, planId: number): PlanSummary | null {
  return (db.prepare(`${summarySql} WHERE p.id = ?`).get(planId) as PlanSummary | undefined) ?? null;
}

export function findPlanByContentKey(db: Db, contentKey: string): number | null {
  return (db.prepare('SELECT id FROM plans WHERE content_key = ?').get(contentKey) as { id: number } | undefined)?.id ?? null;
}

/** Plans matching a plan UID, a plan label or a patient id (in that order of preference). */
export function findPlans(db: Db, patientOrPlan: string): PlanSummary[] {
  for (const where of ['p.plan_uid = ?', 'CAST(p.id AS TEXT) = ?', 'pt.patient_id = ?', 'p.label = ?']) {
    const rows = db.prepare(`${summarySql} WHERE ${where} ORDER BY p.id`).all(patientOrPlan) as PlanSummary[];
    if (rows.length > 0) return rows;
  }
  return [];
}

/** Where the plan's files are, and its dose grid spacing: what the evaluate command needs to reload it. */
export function planSourcePaths(db: Db, planId: number): string[] {
  return (db.prepare(`SELECT f.path FROM source_files f JOIN plan_source_files l ON l.source_file_id = f.id
    WHERE l.plan_id = ? ORDER BY f.path`).all(planId) as { path: string }[]).map((r) => r.path);
}
