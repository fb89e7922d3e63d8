import { CLINICAL_FEATURE_NAMES, INSTANCE_FEATURE_NAMES } from './featureSpec';

/** Flat, padded arrays for a batch of tabular bags, in the ONNX models' input layout. */
export interface TabularBatch {
  readonly batch: number;
  readonly organs: number;
  /** int64 [batch, organs], as BigInt64Array for onnxruntime */
  readonly organIds: BigInt64Array;
  /** float32 [batch, organs, F] */
  readonly instanceFeatures: Float32Array;
  /** float32 [batch, organs]: 1 real instance, 0 padding (never NaN) */
  readonly instanceMask: Float32Array;
  /** float32 [batch, C] */
  readonly clinical: Float32Array;
}

export interface TabularBagArrays {
  readonly organIndices: readonly number[];
  readonly features: readonly (readonly number[])[];
  readonly clinical: readonly number[];
}

/** Pads every bag to the longest one (padding: organ 0, features 0, mask 0). */
export function packTabularBatch(bags: readonly TabularBagArrays[]): TabularBatch {
  const f = INSTANCE_FEATURE_NAMES.length;
  const c = CLINICAL_FEATURE_NAMES.length;
  const organs = Math.max(1, ...bags.map((b) => b.organIndices.length));
  const batch = bags.length;
  const organIds = new BigInt64Array(batch * organs);
  const instanceFeatures = new Float32Array(batch * organs * f);
  const instanceMask = new Float32Array(batch * organs);
  const clinical = new Float32Array(batch * c);
  bags.forEach((bag, b) => {
    bag.organIndices.forEach((index, n) => {
      organIds[b * organs + n] = BigInt(index);
      instanceMask[b * organs + n] = 1;
      instanceFeatures.set(bag.features[n], (b * organs + n) * f);
    });
    clinical.set(bag.clinical, b * c);
  });
  return { batch, organs, organIds, instanceFeatures, instanceMask, clinical };
}
