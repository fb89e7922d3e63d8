import type { Grade } from '../../common/domain/protocol/protocolSchema';
import type { Db } from '../store/openDatabase';
import { loadPlanCurves } from '../store/repositories/dvhRepository';
import { latestEvaluation, listFindings } from '../store/repositories/evaluationRepository';
import { listPlans } from '../store/repositories/planRepository';
import { latestReview } from '../store/repositories/reviewRepository';
import { listStructures } from '../store/repositories/structureRepository';
import type { ReportCentre, ReportCurve, ReportFinding, ReportModel, ReportPlan } from './reportModel';

export interface ReportOptions {
  /** only evaluations under this protocol id (default: each plan's newest evaluation) */
  protocolId?: string;
  /** include DVH curves (html/pdf need them; json/csv do not) */
  withCurves?: boolean;
  databaseLabel?: string;
}

/**
 * Read what reports show from the database: every plan with its newest evaluation, findings, newest
 * review and (optionally) DVH curves of the structures its findings name; per-centre deviation rates.
 */
export function buildReportModel(db: Db, options: ReportOptions = {}): ReportModel {
  const plans: ReportPlan[] = listPlans(db).map((summary) => {
    const evaluation = latestEvaluation(db, summary.id, options.protocolId);
    const findings: ReportFinding[] = evaluation ? listFindings(db, evaluation.id).map((f) => ({
      findingId: f.id, key: f.key, kind: f.kind, structure: f.structure, writtenName: f.writtenName, metric: f.metric,
      value: f.value, uncertainty: f.uncertainty, unit: f.unit, comparator: f.comparator, perProtocolLimit: f.perProtocolLimit,
      minorLimit: f.minorLimit, grade: f.grade, borderline: f.borderline, message: f.message,
    })) : [];
    const review = latestReview(db, summary.id);
    return {
      planId: summary.id, planUid: summary.planUid, patientId: summary.patientId, centre: summary.centre, trial: summary.trial,
      grade: evaluation?.grade ?? 'not_evaluable', evaluated: evaluation !== null,
      protocol: evaluation ? { id: evaluation.protocolId, version: evaluation.protocolVersion, engineVersion: evaluation.engineVersion, evaluatedAt: evaluation.evaluatedAt } : null,
      findings,
      review: review ? {
        grade: review.grade, reviewer: review.reviewer, role: review.role, comment: review.comment, at: review.reviewedAt,
        overrides: review.decisions.filter((d) => d.decision === 'override').map((d) => ({ findingId: d.findingId, reason: d.reason ?? '' })),
      } : null,
      curves: options.withCurves ? planCurves(db, summary.id, findings) : [],
    };
  });
  return { generatedAt: new Date().toISOString(), database: options.databaseLabel ?? '', plans, centres: centreRates(plans) };
}

/** Curves of the structures the findings are about, matched by written name, else by TG-263 name. */
function planCurves(db: Db, planId: number, findings: readonly ReportFinding[]): ReportCurve[] {
  const curves = loadPlanCurves(db, planId);
  const structures = listStructures(db, planId);
  const out: ReportCurve[] = [];
  const seen = new Set<number>();
  for (const f of findings) {
    if (!f.structure || f.kind !== 'constraint') continue;
    const s = structures.find((x) => x.writtenName === f.writtenName) ?? structures.find((x) => x.tg263Name === f.structure);
    const curve = s ? curves.get(s.id) : undefined;
    if (!s || !curve || seen.has(s.id) || curve.volumeCc.length === 0) continue;
    seen.add(s.id);
    const total = curve.volumeCc[0] > 0 ? curve.volumeCc[0] : 1;
    out.push({
      structure: f.structure, volumeCc: curve.volumeCc[0],
      doseGy: Array.from(curve.doseGy), volumePercent: Array.from(curve.volumeCc, (v) => (100 * v) / total),
    });
  }
  return out;
}

export function centreRates(plans: readonly ReportPlan[]): ReportCentre[] {
  const byCentre = new Map<string, ReportPlan[]>();
  for (const p of plans) byCentre.set(p.centre, [...(byCentre.get(p.centre) ?? []), p]);
  return [...byCentre.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([centre, list]) => {
    const evaluated = list.filter((p) => p.evaluated);
    const n = (g: Grade) => evaluated.filter((p) => p.grade === g).length;
    const minor = n('minor');
    const major = n('major');
    return {
      centre, plans: list.length, evaluated: evaluated.length, perProtocol: n('per_protocol'), minor, major,
      notEvaluable: n('not_evaluable'),
      deviationRate: evaluated.length ? (minor + major) / evaluated.length : null,
      majorRate: evaluated.length ? major / evaluated.length : null,
    };
  });
}
