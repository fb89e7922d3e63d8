import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { FEATURE_SPEC_VERSION } from '../../common/domain/features/featureSpec';

/** One model input as the model card states it: dtype, shape (numbers fixed, strings dynamic), range, unit. */
export const modelInputSpecSchema = z.object({
  name: z.string(),
  dtype: z.enum(['float32', 'int64']),
  shape: z.array(z.union([z.number().int().positive(), z.string()])),
  unit: z.string(),
  min: z.number(),
  max: z.number(),
});
export type ModelInputSpec = z.infer<typeof modelInputSpecSchema>;

/** The model card written by native-models/train.py next to every .onnx file. */
export const modelCardSchema = z.object({
  name: z.string(),
  version: z.string(),
  kind: z.enum(['tabular', 'spatial', 'fusion']),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  opset: z.number(),
  featureSpecVersion: z.string(),
  inputs: z.array(modelInputSpecSchema),
  outputs: z.array(z.string()),
  instanceFeatureNames: z.array(z.string()),
  clinicalFeatureNames: z.array(z.string()),
  organVocabulary: z.array(z.string()),
  patchChannels: z.array(z.string()),
  trainingRanges: z.record(z.string(), z.tuple([z.number(), z.number()])),
  planningSystemsSeen: z.array(z.string()),
  shapBaseline: z.object({ clinical: z.array(z.number()), organInstances: z.record(z.string(), z.array(z.number())) }),
  metrics: z.record(z.string(), z.unknown()),
  intendedUse: z.string(),
});
export type ModelCard = z.infer<typeof modelCardSchema>;

export class ModelCardError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ModelCardError';
  }
}

/**
 * Reads and validates `<name>.card.json`, and checks that the model was trained on the feature contract this
 * app computes (featureSpec.ts: a model from an older contract would be fed inputs it never saw, with no error
 * and wrong numbers) and that the .onnx file it names has the sha256 the card states (a model file swapped
 * without its card is refused). Returns the card and the model's path.
 */
export function loadModelCard(cardPath: string): { card: ModelCard; modelPath: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(cardPath, 'utf8'));
  } catch (error) {
    throw new ModelCardError(cardPath, `cannot read the model card (${(error as Error).message})`);
  }
  const parsed = modelCardSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ModelCardError(cardPath, `invalid model card: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.featureSpecVersion !== FEATURE_SPEC_VERSION) {
    throw new ModelCardError(cardPath, `the model was trained on features ${parsed.data.featureSpecVersion}, this app computes ${FEATURE_SPEC_VERSION}: retrain it (native-models/README.md)`);
  }
  const modelPath = join(dirname(cardPath), parsed.data.file);
  let hash: string;
  try {
    hash = createHash('sha256').update(readFileSync(modelPath)).digest('hex');
  } catch (error) {
    throw new ModelCardError(cardPath, `model file ${parsed.data.file} cannot be read (${(error as Error).message})`);
  }
  if (hash !== parsed.data.sha256) {
    throw new ModelCardError(cardPath, `model file ${parsed.data.file} has sha256 ${hash}, the card states ${parsed.data.sha256}`);
  }
  return { card: parsed.data, modelPath };
}
