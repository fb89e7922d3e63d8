import type { VoxelGrid } from '../../common/domain/rt/geometry';
import type { Db } from '../store/openDatabase';
import { findPlans } from '../store/repositories/planRepository';
import { savePrediction } from '../store/repositories/predictionRepository';
import { deleteRiskMap, saveRiskMap } from '../store/repositories/riskMapRepository';
import type { PlanPrediction } from './predictPlan';

/** A prediction as predictFolder returns it: with the dose grid its risk map lies on (null without a map). */
export type StorablePrediction = PlanPrediction & { readonly riskMapGrid?: VoxelGrid | null };

/**
 * Stores one plan's model runs in the review database (predictions table, audited), one row per model with
 * its name, version, sha256 and provider, and, in the same transaction, the risk map with the model that made
 * it (risk_maps, one per plan and model: a re-prediction replaces it; a run that now makes none removes the
 * earlier one, so the map shown always belongs to the latest prediction). The plan must have been imported
 * (found by its plan UID). Returns the stored prediction row ids, or null when the plan is not in the database.
 */
export function storePlanPrediction(db: Db, actor: string, prediction: StorablePrediction): number[] | null {
  if (!prediction.planUid) return null;
  const plan = findPlans(db, prediction.planUid)[0];
  if (!plan) return null;
  const w = { db, actor };
  const mapModel = riskMapModel(prediction);
  return db.transaction(() => {
    const ids = prediction.runs.map((run) => savePrediction(w, plan.id, {
      modelName: run.modelName, modelVersion: run.modelVersion, modelHash: run.modelHash, provider: run.provider,
      outputs: {
        heads: run.heads, logHazardLocalControl: run.logHazardLocalControl, primary: run.modelName === prediction.primaryModel,
        explanations: run.modelName === 'tabular-mil' ? prediction.explanations : [], shapMethod: prediction.shapMethod,
        outOfDistribution: prediction.outOfDistribution, providerAttempts: run.providerAttempts,
      },
      attention: run.modelName === prediction.primaryModel ? prediction.organAttention : null,
    }));
    for (const run of prediction.runs) {
      if (run !== mapModel || !prediction.riskMap || !prediction.riskMapGrid) deleteRiskMap(w, plan.id, run.modelName);
    }
    if (mapModel && prediction.riskMap && prediction.riskMapGrid) {
      saveRiskMap(w, plan.id, {
        modelName: mapModel.modelName, modelVersion: mapModel.modelVersion, modelHash: mapModel.modelHash,
        grid: prediction.riskMapGrid, values: prediction.riskMap,
      });
    }
    return ids;
  })();
}

/** The run whose patch attention made the risk map, as predictPlan names it. */
function riskMapModel(prediction: PlanPrediction) {
  return prediction.runs.find((r) => r.modelName === prediction.riskMapModel) ?? null;
}
