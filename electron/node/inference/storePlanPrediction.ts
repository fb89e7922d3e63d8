import type { Db } from '../store/openDatabase';
import { findPlans } from '../store/repositories/planRepository';
import { savePrediction } from '../store/repositories/predictionRepository';
import type { PlanPrediction } from './predictPlan';

/**
 * Stores one plan's model runs in the review database (predictions table, audited), one row per model with
 * its name, version, sha256 and provider. The plan must have been imported (found by its plan UID).
 * Returns the stored row ids, or null when the plan is not in the database.
 */
export function storePlanPrediction(db: Db, actor: string, prediction: PlanPrediction): number[] | null {
  if (!prediction.planUid) return null;
  const plan = findPlans(db, prediction.planUid)[0];
  if (!plan) return null;
  const w = { db, actor };
  return db.transaction(() => prediction.runs.map((run) => savePrediction(w, plan.id, {
    modelName: run.modelName, modelVersion: run.modelVersion, modelHash: run.modelHash, provider: run.provider,
    outputs: {
      heads: run.heads, logHazardLocalControl: run.logHazardLocalControl, primary: run.modelName === prediction.primaryModel,
      explanations: run.modelName === 'tabular-mil' ? prediction.explanations : [], shapMethod: prediction.shapMethod,
      outOfDistribution: prediction.outOfDistribution, providerAttempts: run.providerAttempts,
    },
    attention: run.modelName === prediction.primaryModel ? prediction.organAttention : null,
  })))();
}
