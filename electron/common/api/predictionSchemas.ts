import { z } from 'zod';
import { idSchema } from './vocabularySchemas';

/**
 * Model predictions of a plan (filled by the inference issue). `available: false` with a reason when no model
 * is installed or the plan was not scored yet; the review screen then says so instead of showing nothing.
 */
export const predictionSchema = z.object({
  /** head name: majorDeviation, xerostomiaG2, dysphagiaG2, localControl2y … */
  head: z.string(),
  label: z.string(),
  /** probability in [0, 1] */
  probability: z.number().min(0).max(1),
  /** lower and upper bound of the stated interval, in [0, 1] */
  interval: z.tuple([z.number(), z.number()]).nullable(),
  modelName: z.string(),
  modelVersion: z.string(),
  /** onnxruntime execution provider that produced it: cpu, cuda, webgpu */
  provider: z.string(),
});

export const organAttentionSchema = z.object({
  head: z.string(),
  structure: z.string(),
  /** attention weight in [0, 1]; a head's weights over organs sum to 1 */
  weight: z.number(),
});

export const getPredictionsInput = z.strictObject({ planId: idSchema });
export const getPredictionsOutput = z.object({
  available: z.boolean(),
  reason: z.string().nullable(),
  predictions: z.array(predictionSchema),
  organAttention: z.array(organAttentionSchema),
  /** per-feature SHAP contributions per head, when computed */
  explanations: z.array(z.object({ head: z.string(), feature: z.string(), shap: z.number() })),
  /** plan lies outside the training distribution: what is unusual */
  outOfDistribution: z.array(z.string()),
  /** true when a risk volume exists (see getPlanReview().volumes.risk) */
  hasRiskMap: z.boolean(),
});
export type Predictions = z.infer<typeof getPredictionsOutput>;
