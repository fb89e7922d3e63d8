import type { Predictions } from '../../../electron/common/api/predictionSchemas';

export type PredictionRow = Predictions['predictions'][number];

/** Primary model first (as the host orders them), one row per head of that model. */
export function primaryPredictions(p: Predictions): PredictionRow[] {
  const first = p.predictions[0]?.modelName;
  return p.predictions.filter((row) => row.modelName === first);
}

/** The other models' probability for the same head, for the "other models" line under each card. */
export function otherModels(p: Predictions, head: string): PredictionRow[] {
  const first = p.predictions[0]?.modelName;
  return p.predictions.filter((row) => row.head === head && row.modelName !== first);
}

/** Per head, organs by attention weight (largest first), at most `limit`. */
export function topAttention(p: Predictions, head: string, limit = 6): { structure: string; weight: number }[] {
  return p.organAttention.filter((a) => a.head === head).sort((a, b) => b.weight - a.weight).slice(0, limit);
}

/** Per head, SHAP contributions by absolute size (largest first), at most `limit`. */
export function topShap(p: Predictions, head: string, limit = 8): { feature: string; shap: number }[] {
  return p.explanations.filter((e) => e.head === head).sort((a, b) => Math.abs(b.shap) - Math.abs(a.shap)).slice(0, limit);
}

/** Probability as a percentage with one decimal. */
export function percent(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
