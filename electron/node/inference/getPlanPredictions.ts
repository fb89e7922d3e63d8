import type { Predictions } from '../../common/api/predictionSchemas';
import { fromApiId } from '../services/apiIds';
import type { Db } from '../store/openDatabase';
import { listPredictions, type StoredPrediction } from '../store/repositories/predictionRepository';
import { listRiskMaps } from '../store/repositories/riskMapRepository';
import { HEAD_LABELS, type HeadPrediction } from './predictPlan';

interface StoredOutputs {
  heads?: HeadPrediction[];
  primary?: boolean;
  explanations?: { head: string; feature: string; shap: number }[];
  outOfDistribution?: string[];
}

/**
 * The API's getPredictions answer from the predictions table: the latest run of each model for the plan
 * (written by `rtqa predict --store`), the primary model's organ attention, the tabular model's SHAP values
 * and the out-of-distribution reasons. `available: false` with a reason when the plan was never scored.
 */
export function getPlanPredictions(db: Db, planIdText: string): Predictions {
  const rows = listPredictions(db, fromApiId(planIdText, 'plan'));
  if (rows.length === 0) {
    return { available: false, reason: 'This plan has not been scored by the models yet (rtqa predict PATH --store).', predictions: [], organAttention: [], explanations: [], outOfDistribution: [], hasRiskMap: false };
  }
  const latest = new Map<string, StoredPrediction>();
  for (const row of rows) latest.set(row.modelName, row); // rows come in id order: the last one wins
  const runs = [...latest.values()];
  const outputs = (r: StoredPrediction) => (r.outputs ?? {}) as StoredOutputs;
  const primary = runs.find((r) => outputs(r).primary) ?? runs[0];
  const ordered = [primary, ...runs.filter((r) => r !== primary)];
  return {
    available: true,
    reason: null,
    predictions: ordered.flatMap((r) => (outputs(r).heads ?? []).map((h) => ({
      head: h.head, label: HEAD_LABELS[h.head] ?? h.label, probability: clamp01(h.probability),
      interval: [clamp01(h.interval[0]), clamp01(h.interval[1])] as [number, number],
      modelName: r.modelName, modelVersion: r.modelVersion, provider: r.provider,
    }))),
    organAttention: Array.isArray(primary.attention) ? (primary.attention as Predictions['organAttention']) : [],
    explanations: runs.flatMap((r) => outputs(r).explanations ?? []),
    outOfDistribution: outputs(primary).outOfDistribution ?? [],
    // stored with the predictions by `rtqa predict --store`, served by the voxel routes as kind 'risk'
    hasRiskMap: listRiskMaps(db, fromApiId(planIdText, 'plan')).length > 0,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
