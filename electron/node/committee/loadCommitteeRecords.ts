import { dicomDateToIso } from '../../common/domain/dicom/dicomDateToIso';
import type { CommitteePlanRecord, CommitteeReview } from '../../common/domain/committee/committeeTypes';
import type { Grade } from '../../common/domain/protocol/protocolSchema';
import type { Db } from '../store/openDatabase';

/**
 * Reads, for every plan in the database, what the committee view counts: the newest evaluation's grade
 * and the kinds of its deviating findings, all reviews, the newest QA-failure prediction and the key
 * drift metric (contralateral parotid Dmean = the lower of the two parotid means, Gy).
 */
export function loadCommitteeRecords(db: Db, options: { protocolId?: string; trialId?: number } = {}): CommitteePlanRecord[] {
  const plans = db.prepare(`
    SELECT p.id, p.plan_uid, p.plan_date, p.imported_at, pt.patient_id, pt.tumour_site, c.name AS centre
    FROM plans p JOIN patients pt ON pt.id = p.patient_ref JOIN centres c ON c.id = pt.centre_id
    WHERE ? IS NULL OR pt.trial_id = ?
    ORDER BY c.name, coalesce(p.plan_date, p.imported_at), p.id`).all(options.trialId ?? null, options.trialId ?? null) as
    { id: number; plan_uid: string; plan_date: string | null; imported_at: string; patient_id: string; tumour_site: string | null; centre: string }[];

  const newestEvaluation = db.prepare(`SELECT id, grade FROM evaluations WHERE plan_id = ? ${options.protocolId ? 'AND protocol_id = ?' : ''}
    ORDER BY evaluated_at DESC, id DESC LIMIT 1`);
  const deviatingFindings = db.prepare(`SELECT kind, structure, comparator FROM findings WHERE evaluation_id = ? AND grade IN ('minor', 'major')`);
  const reviews = db.prepare('SELECT reviewer, role, grade, reviewed_at AS at FROM reviews WHERE plan_id = ? ORDER BY reviewed_at, id');
  const predictions = db.prepare('SELECT outputs_json FROM predictions WHERE plan_id = ? ORDER BY created_at DESC, id DESC');
  const parotidMeans = db.prepare(`SELECT m.value FROM dvh_metrics m JOIN structures s ON s.id = m.structure_id
    WHERE s.plan_id = ? AND s.tg263_name IN ('Parotid_L', 'Parotid_R') AND m.metric = 'Dmean'`);

  return plans.map((plan) => {
    const evaluation = (options.protocolId ? newestEvaluation.get(plan.id, options.protocolId) : newestEvaluation.get(plan.id)) as { id: number; grade: Grade } | undefined;
    const findings = evaluation ? deviatingFindings.all(evaluation.id) as { kind: string; structure: string | null; comparator: string | null }[] : [];
    const means = (parotidMeans.all(plan.id) as { value: number }[]).map((r) => r.value);
    return {
      // the database id: the same plan id the API, the app and `rtqa review` use
      planId: String(plan.id),
      patientId: plan.patient_id,
      centre: plan.centre,
      planDate: dicomDateToIso(plan.plan_date) ?? plan.imported_at.slice(0, 10),
      // clinical data (rtqa clinical import): DICOM exports do not carry the site; null = no case-mix adjustment
      tumourSite: plan.tumour_site,
      protocolGrade: evaluation?.grade ?? null,
      deviationKinds: findings.map(deviationKind),
      reviews: reviews.all(plan.id) as CommitteeReview[],
      predictedMajorProbability: majorProbability(predictions.all(plan.id) as { outputs_json: string }[]),
      keyMetrics: (means.length === 2 ? { 'Parotid contralateral Dmean (Gy)': Math.min(...means) } : {}) as Record<string, number>,
    };
  });
}

/** Constraint findings split into what a committee asks about: targets under-covered or organs overdosed. */
function deviationKind(finding: { kind: string; structure: string | null; comparator: string | null }): string {
  if (finding.kind !== 'constraint') return finding.kind;
  const isTarget = /^(PTV|CTV|GTV)/i.test(finding.structure ?? '');
  return isTarget || finding.comparator === '>=' ? 'target_coverage' : 'organ_overdose';
}

/** The newest prediction's probability of a major deviation, whatever the model names it. */
function majorProbability(rows: readonly { outputs_json: string }[]): number | null {
  for (const row of rows) {
    const outputs = JSON.parse(row.outputs_json) as Record<string, unknown>;
    for (const key of ['majorDeviation', 'qaFailure', 'major_deviation', 'qa_failure']) {
      const value = outputs?.[key];
      const p = typeof value === 'number' ? value : typeof (value as { probability?: unknown })?.probability === 'number' ? (value as { probability: number }).probability : null;
      if (p !== null && Number.isFinite(p)) return p;
    }
  }
  return null;
}
