import { dicomDateToIso } from '../../common/domain/dicom/dicomDateToIso';
import type { CallOutput, TrialSummary, WorklistCentre, WorklistPlan, WorklistQuery, WorklistTrial } from '../../common/api';
import type { Db } from '../store/openDatabase';
import { fromApiId, toApiId } from './apiIds';
import { listPlanStatusRows, type PlanStatusRow } from './planStatusRows';
import { radiationOf } from './radiationOf';

/** Trials and the worklist, read from the review database. */
export class WorklistService {
  constructor(private readonly db: Db, private readonly isDemoTrial: (name: string) => boolean) {}

  listTrials(): CallOutput<'listTrials'> {
    const trials = this.db.prepare('SELECT id, name FROM trials ORDER BY name').all() as { id: number; name: string }[];
    const rows = listPlanStatusRows(this.db);
    const summaries: TrialSummary[] = trials.map((t) => {
      const plans = rows.filter((r) => r.trialId === t.id);
      const newest = plans.filter((r) => r.protocolId !== null).at(-1);
      return {
        trialId: toApiId(t.id),
        name: t.name,
        protocolId: newest?.protocolId ?? null,
        protocolVersion: newest?.protocolVersion ?? null,
        centreCount: new Set(plans.map((r) => r.centreId)).size,
        planCount: plans.length,
        reviewedCount: plans.filter((r) => r.reviewStatus === 'done').length,
        isDemo: this.isDemoTrial(t.name),
      };
    });
    return { trials: summaries };
  }

  getWorklist(query: WorklistQuery): CallOutput<'getWorklist'> {
    const trialId = query.trialId === undefined ? null : fromApiId(query.trialId, 'trial');
    const needle = query.search?.trim().toLowerCase() ?? '';
    const rows = listPlanStatusRows(this.db).filter((r) =>
      (trialId === null || r.trialId === trialId)
      && (!query.grades?.length || (r.worstGrade !== null && query.grades.includes(r.worstGrade)))
      && (!query.statuses?.length || query.statuses.includes(r.reviewStatus))
      && (!query.centreIds?.length || query.centreIds.includes(toApiId(r.centreId)))
      && (needle === '' || [r.patientId, r.label ?? '', r.centreName].some((text) => text.toLowerCase().includes(needle))));

    const trials: WorklistTrial[] = [];
    for (const row of rows) {
      let trial = trials.find((t) => t.trialId === toApiId(row.trialId));
      if (!trial) trials.push(trial = { trialId: toApiId(row.trialId), name: row.trialName, centres: [] });
      let centre: WorklistCentre | undefined = trial.centres.find((c) => c.centreId === toApiId(row.centreId));
      if (!centre) trial.centres.push(centre = { centreId: toApiId(row.centreId), name: row.centreName, plans: [] });
      centre.plans.push(toWorklistPlan(row));
    }
    return { trials, totalPlans: rows.length };
  }
}

export function toWorklistPlan(row: PlanStatusRow): WorklistPlan {
  return {
    planId: toApiId(row.planId),
    patientId: row.patientId,
    planLabel: row.label,
    planDate: dicomDateToIso(row.planDate),
    radiation: radiationOf(row.radiationType),
    prescriptionGy: row.prescriptionGy,
    fractions: row.fractions,
    reviewStatus: row.reviewStatus,
    worstGrade: row.worstGrade,
    findingCounts: row.findingCounts,
    reviewer: row.reviewer,
    reviewedAt: row.reviewedAt,
  };
}
