import type { ApiGrade, FindingCounts, ReviewStatus } from '../../common/api';
import type { Db } from '../store/openDatabase';

/** One plan with everything a worklist row or a plan header shows, read in one query. */
export interface PlanStatusRow {
  planId: number;
  trialId: number;
  trialName: string;
  centreId: number;
  centreName: string;
  patientId: string;
  label: string | null;
  planDate: string | null;
  radiationType: string | null;
  prescriptionGy: number | null;
  fractions: number | null;
  warningsJson: string;
  evaluationId: number | null;
  protocolId: string | null;
  protocolVersion: string | null;
  engineVersion: string | null;
  worstGrade: ApiGrade | null;
  findingCounts: FindingCounts;
  reviewer: string | null;
  reviewedAt: string | null;
  reviewStatus: ReviewStatus;
}

interface RawRow {
  plan_id: number; trial_id: number; trial_name: string; centre_id: number; centre_name: string; patient_id: string;
  label: string | null; plan_date: string | null; radiation_type: string | null; prescription_gy: number | null;
  fractions_planned: number | null; warnings_json: string; evaluation_id: number | null; protocol_id: string | null;
  protocol_version: string | null; engine_version: string | null; grade: ApiGrade | null;
  n_per_protocol: number | null; n_minor: number | null; n_major: number | null; n_not_evaluable: number | null;
  review_id: number | null; reviewer: string | null; reviewed_at: string | null; decided: number | null;
}

/*
 * The newest evaluation and the newest review of each plan. A review deciding every finding of the
 * evaluation it was made on means `done`; one that leaves findings undecided means `in_review`.
 */
const SQL = `
WITH latest_eval AS (
  SELECT e.* FROM evaluations e
  WHERE e.id = (SELECT e2.id FROM evaluations e2 WHERE e2.plan_id = e.plan_id ORDER BY e2.evaluated_at DESC, e2.id DESC LIMIT 1)
), latest_review AS (
  SELECT r.* FROM reviews r
  WHERE r.id = (SELECT r2.id FROM reviews r2 WHERE r2.plan_id = r.plan_id ORDER BY r2.reviewed_at DESC, r2.id DESC LIMIT 1)
), counts AS (
  SELECT evaluation_id,
    SUM(grade = 'per_protocol') AS n_per_protocol, SUM(grade = 'minor') AS n_minor,
    SUM(grade = 'major') AS n_major, SUM(grade = 'not_evaluable') AS n_not_evaluable
  FROM findings GROUP BY evaluation_id
)
SELECT p.id AS plan_id, t.id AS trial_id, t.name AS trial_name, c.id AS centre_id, c.name AS centre_name,
  pt.patient_id, p.label, p.plan_date, p.radiation_type, p.prescription_gy, p.fractions_planned, p.warnings_json,
  le.id AS evaluation_id, le.protocol_id, le.protocol_version, le.engine_version, le.grade,
  n.n_per_protocol, n.n_minor, n.n_major, n.n_not_evaluable,
  lr.id AS review_id, lr.reviewer, lr.reviewed_at,
  (SELECT COUNT(*) FROM finding_reviews fr JOIN findings f ON f.id = fr.finding_id
     WHERE fr.review_id = lr.id AND f.evaluation_id = lr.evaluation_id) AS decided
FROM plans p
JOIN patients pt ON pt.id = p.patient_ref
JOIN centres c ON c.id = pt.centre_id
JOIN trials t ON t.id = pt.trial_id
LEFT JOIN latest_eval le ON le.plan_id = p.id
LEFT JOIN counts n ON n.evaluation_id = le.id
LEFT JOIN latest_review lr ON lr.plan_id = p.id`;

function toRow(r: RawRow): PlanStatusRow {
  const findingCounts: FindingCounts = {
    per_protocol: r.n_per_protocol ?? 0, minor: r.n_minor ?? 0, major: r.n_major ?? 0, not_evaluable: r.n_not_evaluable ?? 0,
  };
  const total = findingCounts.per_protocol + findingCounts.minor + findingCounts.major + findingCounts.not_evaluable;
  const reviewStatus: ReviewStatus = r.review_id === null ? 'not_reviewed' : (r.decided ?? 0) >= total ? 'done' : 'in_review';
  return {
    planId: r.plan_id, trialId: r.trial_id, trialName: r.trial_name, centreId: r.centre_id, centreName: r.centre_name,
    patientId: r.patient_id, label: r.label, planDate: r.plan_date, radiationType: r.radiation_type,
    prescriptionGy: r.prescription_gy, fractions: r.fractions_planned, warningsJson: r.warnings_json,
    evaluationId: r.evaluation_id, protocolId: r.protocol_id, protocolVersion: r.protocol_version,
    engineVersion: r.engine_version, worstGrade: r.grade, findingCounts,
    reviewer: r.reviewer, reviewedAt: r.reviewed_at, reviewStatus,
  };
}

export function listPlanStatusRows(db: Db): PlanStatusRow[] {
  return (db.prepare(`${SQL} ORDER BY t.name, c.name, pt.patient_id, p.id`).all() as RawRow[]).map(toRow);
}

export function getPlanStatusRow(db: Db, planId: number): PlanStatusRow | null {
  const row = db.prepare(`${SQL} WHERE p.id = ?`).get(planId) as RawRow | undefined;
  return row ? toRow(row) : null;
}
