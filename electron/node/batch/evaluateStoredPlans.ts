import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import type { Db } from '../store/openDatabase';
import { listPlans, planSourcePaths } from '../store/repositories/planRepository';
import { batchSettings } from './batchSettings';
import type { PlanFileGroup } from './planFileGroups';
import { runPlanJobs, type PlanJobsSummary } from './runPlanJobs';

export interface EvaluateOptions {
  db: Db;
  actor: string;
  protocol: Protocol;
  workers: number;
  workerScript?: URL;
  progress?: boolean;
}

/**
 * `rtqa evaluate`: DVHs and evaluation for the stored plans not yet evaluated under this protocol
 * version and engine version, re-read from their stored source files (the database keeps paths and
 * hashes, not the DICOM itself). A plan whose files changed since import is reported, not mixed up.
 */
export async function evaluateStoredPlans(options: EvaluateOptions): Promise<PlanJobsSummary & { trials: string[] }> {
  const plans = listPlans(options.db);
  const trials = [...new Set(plans.map((p) => p.trial))];
  const merged: PlanJobsSummary[] = [];
  for (const trial of trials) {
    const settings = batchSettings(options.db, trial, options.protocol, true);
    const done = new Set(settings.doneContentKeys);
    const groups: PlanFileGroup[] = plans.filter((p) => p.trial === trial && !done.has(p.contentKey))
      .map((p) => ({ patientId: p.patientId, planUid: p.planUid, files: planSourcePaths(options.db, p.id) }));
    merged.push(await runPlanJobs(groups, { db: options.db, actor: options.actor, settings, workers: options.workers, workerScript: options.workerScript, progress: options.progress }));
  }
  return { ...mergeSummaries(merged), trials };
}

function mergeSummaries(list: PlanJobsSummary[]): PlanJobsSummary {
  const out: PlanJobsSummary = { plans: 0, created: 0, alreadyImported: 0, evaluationsCreated: 0, skipped: 0, conflicts: [], failed: [],
    grades: { per_protocol: 0, minor: 0, major: 0, not_evaluable: 0 }, seconds: 0, stageSeconds: { hash: 0, read: 0, dvh: 0, evaluate: 0, store: 0, workerCpu: 0 } };
  for (const s of list) {
    out.plans += s.plans; out.created += s.created; out.alreadyImported += s.alreadyImported; out.evaluationsCreated += s.evaluationsCreated;
    out.skipped += s.skipped; out.conflicts.push(...s.conflicts); out.failed.push(...s.failed); out.seconds += s.seconds;
    for (const g of Object.keys(out.grades) as (keyof typeof out.grades)[]) out.grades[g] += s.grades[g];
    for (const k of Object.keys(out.stageSeconds) as (keyof typeof out.stageSeconds)[]) out.stageSeconds[k] += s.stageSeconds[k];
  }
  return out;
}
