import type { PatchBag } from './featureTypes';

/** Flat, padded arrays for a batch of patch bags, in the ONNX models' input layout. */
export interface PatchBatch {
  readonly batch: number;
  readonly patches: number;
  /** float32 [batch, patches, channels, S, S, S] */
  readonly patchData: Float32Array;
  /** float32 [batch, patches, 3] */
  readonly positions: Float32Array;
  /** int64 [batch, patches]: index in PATCH_ANCHOR_NAMES (0 for padding and unanchored tiles) */
  readonly anchors: BigInt64Array;
  /** float32 [batch, patches]: 1 real, 0 padding */
  readonly mask: Float32Array;
  readonly channels: number;
  readonly size: number;
}

/** Pads every bag to the largest patch count (padding patches are zeros with mask 0). */
export function packPatchBatch(bags: readonly PatchBag[]): PatchBatch {
  const channels = bags[0]?.channels ?? 0;
  const size = bags[0]?.patchSizeVoxels ?? 0;
  const patches = Math.max(1, ...bags.map((b) => b.count));
  const per = channels * size * size * size;
  const patchData = new Float32Array(bags.length * patches * per);
  const positions = new Float32Array(bags.length * patches * 3);
  const anchors = new BigInt64Array(bags.length * patches);
  const mask = new Float32Array(bags.length * patches);
  bags.forEach((bag, b) => {
    patchData.set(bag.data, b * patches * per);
    positions.set(bag.positions, b * patches * 3);
    bag.anchorIds.forEach((id, n) => { anchors[b * patches + n] = BigInt(id); });
    mask.fill(1, b * patches, b * patches + bag.count);
  });
  return { batch: bags.length, patches, patchData, positions, anchors, mask, channels, size };
}
