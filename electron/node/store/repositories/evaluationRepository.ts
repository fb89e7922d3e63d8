import type { Grade } from '../../../common/domain/protocol/protocolSchema';
import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';

/** A finding as stored: the columns reports filter on, plus the evaluation engine's whole object. */
export interface FindingRecord {
  /** constraint id, or the check's name (fractionation, prescription, missing-structure:<name> …) */
  key: string;
  kind: string;
  /** TG-263 name or target role */
  structure: string | null;
  writtenName: string | null;
  metric: string | null;
  value: number | null;
  uncertainty: number | null;
  unit: string | null;
  comparator: string | null;
  perProtocolLimit: number | null;
  minorLimit: number | null;
  grade: Grade;
  /** distance to the next grade's limit, in the finding's unit (null when not defined) */
  margin: number | null;
  borderline: boolean;
  message: string;
  details: unknown;
}

export interface StoredFinding extends FindingRecord {
  id: number;
  evaluationId: number;
}

export interface EvaluationRecord {
  protocolId: string;
  protocolVersion: string;
  engineVersion: string;
  scheduleId: string | null;
  grade: Grade;
  findings: readonly FindingRecord[];
}

export interface StoredEvaluation extends Omit<EvaluationRecord, 'findings'> {
  id: number;
  planId: number;
  evaluatedAt: string;
}

export function findEvaluationId(db: Db, planId: number, protocolId: string, protocolVersion: string, engineVersion: string): number | null {
  const row = db.prepare(`SELECT id FROM evaluations WHERE plan_id = ? AND protocol_id = ? AND protocol_version = ? AND engine_version = ?`)
    .get(planId, protocolId, protocolVersion, engineVersion) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Store an evaluation with all its findings, audited (inside the plan's write transaction). An
 * evaluation already stored under the same protocol and engine versions is kept, not doubled.
 */
export function saveEvaluation(w: Writer, planId: number, e: EvaluationRecord): { evaluationId: number; created: boolean } {
  const existing = findEvaluationId(w.db, planId, e.protocolId, e.protocolVersion, e.engineVersion);
  if (existing !== null) return { evaluationId: existing, created: false };
  const evaluatedAt = new Date().toISOString();
  const evaluationId = Number(w.db.prepare(`INSERT INTO evaluations (plan_id, protocol_id, protocol_version, engine_version, schedule_id, grade, evaluated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(planId, e.protocolId, e.protocolVersion, e.engineVersion, e.scheduleId, e.grade, evaluatedAt).lastInsertRowid);
  const insert = w.db.prepare(`INSERT INTO findings (evaluation_id, finding_key, kind, structure, written_name, metric, value,
    uncertainty, unit, comparator, per_protocol_limit, minor_limit, grade, margin, borderline, message, details_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const f of e.findings) {
    insert.run(evaluationId, f.key, f.kind, f.structure, f.writtenName, f.metric, finiteOrNull(f.value), finiteOrNull(f.uncertainty),
      f.unit, f.comparator, f.perProtocolLimit, f.minorLimit, f.grade, finiteOrNull(f.margin), f.borderline ? 1 : 0, f.message,
      JSON.stringify(f.details ?? null));
  }
  appendAudit(w.db, {
    actor: w.actor, action: 'evaluation.create', entity: 'evaluation', entityId: evaluationId, before: null,
    after: {
      planId, protocolId: e.protocolId, protocolVersion: e.protocolVersion, engineVersion: e.engineVersion,
      scheduleId: e.scheduleId, grade: e.grade, evaluatedAt,
      findings: e.findings.map((f) => ({ key: f.key, structure: f.structure, metric: f.metric, value: finiteOrNull(f.value), grade: f.grade, borderline: f.borderline })),
    },
  });
  return { evaluationId, created: true };
}

const finiteOrNull = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

interface EvaluationRow { id: number; plan_id: number; protocol_id: string; protocol_version: string; engine_version: string; schedule_id: string | null; grade: Grade; evaluated_at: string }

/** The newest evaluation of a plan (optionally under one protocol id), or null. */
export function latestEvaluation(db: Db, planId: number, protocolId?: string): StoredEvaluation | null {
  const row = (protocolId
    ? db.prepare('SELECT * FROM evaluations WHERE plan_id = ? AND protocol_id = ? ORDER BY evaluated_at DESC, id DESC LIMIT 1').get(planId, protocolId)
    : db.prepare('SELECT * FROM evaluations WHERE plan_id = ? ORDER BY evaluated_at DESC, id DESC LIMIT 1').get(planId)) as EvaluationRow | undefined;
  if (!row) return null;
  return {
    id: row.id, planId: row.plan_id, protocolId: row.protocol_id, protocolVersion: row.protocol_version,
    engineVersion: row.engine_version, scheduleId: row.schedule_id, grade: row.grade, evaluatedAt: row.evaluated_at,
  };
}

interface FindingRow {
  id: number; evaluation_id: number; finding_key: string; kind: string; structure: string | null; written_name: string | null;
  metric: string | null; value: number | null; uncertainty: number | null; unit: string | null; comparator: string | null;
  per_protocol_limit: number | null; minor_limit: number | null; grade: Grade; margin: number | null; borderline: number;
  message: string; details_json: string;
}

export function listFindings(db: Db, evaluationId: number): StoredFinding[] {
  return (db.prepare('SELECT * FROM findings WHERE evaluation_id = ? ORDER BY id').all(evaluationId) as FindingRow[]).map((r) => ({
    id: r.id, evaluationId: r.evaluation_id, key: r.finding_key, kind: r.kind, structure: r.structure, writtenName: r.written_name,
    metric: r.metric, value: r.value, uncertainty: r.uncertainty, unit: r.unit, comparator: r.comparator,
    perProtocolLimit: r.per_protocol_limit, minorLimit: r.minor_limit, grade: r.grade, margin: r.margin,
    borderline: r.borderline === 1, message: r.message, details: JSON.parse(r.details_json),
  }));
}

/** Plan ids that have an evaluation under exactly this protocol and engine version. */
export function evaluatedPlanIds(db: Db, protocolId: string, protocolVersion: string, engineVersion: string): Set<number> {
  const rows = db.prepare('SELECT plan_id FROM evaluations WHERE protocol_id = ? AND protocol_version = ? AND engine_version = ?')
    .all(protocolId, protocolVersion, engineVersion) as { plan_id: number }[];
  return new Set(rows.map((r) => r.plan_id));
}
