import type { ReportModel } from './reportModel';

/**
 * The JSON report: per plan patientId, centre, grade, findings (structure, metric, value, unit, grade,
 * borderline, with limits and uncertainty) and the newest review; per centre deviation rates.
 */
export function writeJsonReport(model: ReportModel): string {
  return JSON.stringify({
    generatedAt: model.generatedAt,
    plans: model.plans.map((p) => ({
      patientId: p.patientId, centre: p.centre, grade: p.grade, evaluated: p.evaluated, planUid: p.planUid, trial: p.trial,
      protocol: p.protocol,
      findings: p.findings.map((f) => ({
        id: f.findingId, key: f.key, kind: f.kind, structure: f.structure, writtenName: f.writtenName, metric: f.metric,
        value: f.value, uncertainty: f.uncertainty, unit: f.unit, grade: f.grade, borderline: f.borderline,
        limits: f.comparator === null ? null : { comparator: f.comparator, perProtocol: f.perProtocolLimit, minor: f.minorLimit },
        message: f.message,
      })),
      review: p.review ? { grade: p.review.grade, reviewer: p.review.reviewer, at: p.review.at, role: p.review.role, comment: p.review.comment, overrides: p.review.overrides } : null,
    })),
    centres: model.centres,
  }, null, 2);
}
