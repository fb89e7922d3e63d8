import type { VoxelGrid } from '../rt/geometry';
import {
  DOSE_SCALE_GY, FIRST_GROUP_MASK_CHANNEL, MAX_PATCHES, PATCH_ANCHOR_HALVES, PATCH_ANCHOR_ORGANS, PATCH_CHANNELS, PATCH_SIZE_VOXELS,
  patchAnchorIndex,
} from './featureSpec';
import type { PatchBag } from './featureTypes';
import { voxelCentreMm } from './gridSampling';

/** Volumes on the dose grid (index = i + columns·(j + rows·k)) that the patch sampler reads. */
export interface PatchSources {
  readonly doseGrid: VoxelGrid;
  /** Gy */
  readonly doseGy: Float32Array;
  /** CT HU resampled onto the dose grid (−1000 where there is no CT) */
  readonly ctHu: Float32Array;
  /** body outline mask (1 inside); null = every voxel with dose > 0 counts as body */
  readonly bodyMask: Uint8Array | null;
  /** per TG-263 name, 1 inside the structure */
  readonly organMasks: ReadonlyMap<string, Uint8Array>;
}

type Corner = [number, number, number];

/**
 * The spatial MIL bag (deterministic, so training and inference see the same patches):
 * 1. anchored cubes: for each PATCH_ANCHOR_ORGANS organ present, one cube centred on the centroid of its
 *    cranial half and one on its caudal half (halves split at the organ's mid-height in patient z), whose
 *    anchor-mask channel holds that half of the organ only;
 * 2. the rest up to MAX_PATCHES: non-overlapping tiles of the dose grid at least half inside the body,
 *    ranked by mean dose plus one for touching any group-mask channel.
 * Channels (PATCH_CHANNELS): CT/1000 HU clipped to [−1, 2], dose/70 Gy, the anchor organ's mask, then the
 * organ-group masks (0/1). Voxels outside the grid read as CT −1000 HU, dose 0, masks 0.
 */
export function samplePatches(sources: PatchSources): PatchBag {
  const { doseGrid: g, doseGy, bodyMask } = sources;
  const warnings: string[] = [];
  const groupMasks = PATCH_CHANNELS.slice(FIRST_GROUP_MASK_CHANNEL).map((channel) => unionMask(channel.organs ?? [], sources.organMasks, doseGy.length));
  const anchored = anchoredCorners(g, sources.organMasks);
  const tiles = doseTiles(g, doseGy, bodyMask, groupMasks).slice(0, Math.max(0, MAX_PATCHES - anchored.length));
  const kept = [...anchored, ...tiles.map((corner) => ({ corner, anchorId: 0, mask: null }))].slice(0, MAX_PATCHES);
  if (kept.length === 0) warnings.push('no patch lies inside the body: the spatial model cannot be run');
  const data = fillPatchData(sources, kept, groupMasks);
  return {
    count: kept.length, channels: PATCH_CHANNELS.length, patchSizeVoxels: PATCH_SIZE_VOXELS, data,
    cornersIjk: kept.map((k) => k.corner), anchorIds: Int32Array.from(kept.map((k) => k.anchorId)),
    positions: patchPositions(g, kept.map((k) => k.corner)), warnings,
  };
}

/** Cubes centred on each anchor organ's cranial and caudal half (organs absent from the plan are skipped). */
function anchoredCorners(g: VoxelGrid, masks: ReadonlyMap<string, Uint8Array>): Array<{ corner: Corner; anchorId: number; mask: Uint8Array }> {
  const out: Array<{ corner: Corner; anchorId: number; mask: Uint8Array }> = [];
  const plane = g.columns * g.rows;
  // patient z of each slice, read at the grid's first voxel (exact for axial grids, the DICOM RT norm)
  const sliceZMm = Array.from({ length: g.slices }, (_, k) => voxelCentreMm(g, 0, 0, k)[2]);
  const offset = (PATCH_SIZE_VOXELS - 1) / 2;
  for (const organ of PATCH_ANCHOR_ORGANS) {
    const mask = masks.get(organ);
    if (!mask) continue;
    const inside: number[] = [];
    for (let n = 0; n < mask.length; n++) if (mask[n]) inside.push(n);
    if (inside.length === 0) continue;
    let zMin = Infinity, zMax = -Infinity;
    for (const n of inside) { const z = sliceZMm[Math.floor(n / plane)]; zMin = Math.min(zMin, z); zMax = Math.max(zMax, z); }
    const zMid = (zMin + zMax) / 2;
    for (const half of PATCH_ANCHOR_HALVES) {
      // superior = larger patient z (LPS); a one-slice organ puts all of itself in its cranial half
      let si = 0, sj = 0, sk = 0, count = 0;
      const halfMask = new Uint8Array(mask.length);
      for (const n of inside) {
        const k = Math.floor(n / plane);
        if ((half === 'cranial') !== (sliceZMm[k] >= zMid)) continue;
        const rest = n - k * plane;
        si += rest % g.columns; sj += Math.floor(rest / g.columns); sk += k; count += 1;
        halfMask[n] = 1;
      }
      if (count === 0) continue;
      out.push({ corner: [Math.round(si / count - offset), Math.round(sj / count - offset), Math.round(sk / count - offset)], anchorId: patchAnchorIndex(organ, half), mask: halfMask });
    }
  }
  return out;
}

/** Non-overlapping tiles at least half inside the body, best first (mean dose / 70 Gy, +1 when touching a mask). */
function doseTiles(g: VoxelGrid, doseGy: Float32Array, bodyMask: Uint8Array | null, groupMasks: Array<Uint8Array | null>): Corner[] {
  const p = PATCH_SIZE_VOXELS;
  const inBody = (n: number) => (bodyMask ? bodyMask[n] > 0 : doseGy[n] > 0);
  const candidates: Array<{ corner: Corner; score: number }> = [];
  for (let k0 = 0; k0 < g.slices; k0 += p) {
    for (let j0 = 0; j0 < g.rows; j0 += p) {
      for (let i0 = 0; i0 < g.columns; i0 += p) {
        let body = 0, doseSum = 0, touches = false;
        for (let k = k0; k < Math.min(k0 + p, g.slices); k++)
          for (let j = j0; j < Math.min(j0 + p, g.rows); j++)
            for (let i = i0; i < Math.min(i0 + p, g.columns); i++) {
              const n = i + g.columns * (j + g.rows * k);
              if (inBody(n)) body += 1;
              doseSum += doseGy[n];
              if (!touches) touches = groupMasks.some((m) => m !== null && m[n] > 0);
            }
        if (body < (p * p * p) / 2) continue;
        candidates.push({ corner: [i0, j0, k0], score: doseSum / (p * p * p) / DOSE_SCALE_GY + (touches ? 1 : 0) });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates.map((c) => c.corner);
}

/** The patches' voxels, channel-major per patch; voxels outside the grid keep the padding values. */
function fillPatchData(sources: PatchSources, kept: ReadonlyArray<{ corner: Corner; mask: Uint8Array | null }>, groupMasks: Array<Uint8Array | null>): Float32Array {
  const { doseGrid: g, doseGy, ctHu } = sources;
  const p = PATCH_SIZE_VOXELS, cube = p * p * p, channels = PATCH_CHANNELS.length;
  const data = new Float32Array(kept.length * channels * cube);
  kept.forEach(({ corner: [i0, j0, k0], mask }, n) => {
    const base = n * channels * cube;
    data.fill(-1, base, base + cube); // CT channel outside the grid reads as air
    for (let dk = 0; dk < p; dk++) for (let dj = 0; dj < p; dj++) for (let di = 0; di < p; di++) {
      const i = i0 + di, j = j0 + dj, k = k0 + dk;
      if (i < 0 || j < 0 || k < 0 || i >= g.columns || j >= g.rows || k >= g.slices) continue;
      const v = i + g.columns * (j + g.rows * k);
      const local = di + p * (dj + p * dk);
      data[base + local] = Math.min(2, Math.max(-1, ctHu[v] / 1000));
      data[base + cube + local] = doseGy[v] / DOSE_SCALE_GY;
      if (mask) data[base + 2 * cube + local] = mask[v];
      groupMasks.forEach((m, c) => { if (m) data[base + (c + FIRST_GROUP_MASK_CHANNEL) * cube + local] = m[v]; });
    }
  });
  return data;
}

function unionMask(organs: readonly string[], masks: ReadonlyMap<string, Uint8Array>, size: number): Uint8Array | null {
  const present = organs.map((o) => masks.get(o)).filter((m): m is Uint8Array => m !== undefined);
  if (present.length === 0) return null;
  const out = new Uint8Array(size);
  for (const m of present) for (let n = 0; n < size; n++) if (m[n]) out[n] = 1;
  return out;
}

/** Patch centres in LPS mm normalised to [0, 1] over the kept patches' bounding box, per axis. */
function patchPositions(g: VoxelGrid, corners: Corner[]): Float32Array {
  const half = (PATCH_SIZE_VOXELS - 1) / 2;
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  const centres = corners.map(([i, j, k]) => voxelCentreMm(g, clamp(i + half, g.columns), clamp(j + half, g.rows), clamp(Math.round(k + half), g.slices)));
  const out = new Float32Array(corners.length * 3);
  for (let axis = 0; axis < 3; axis++) {
    const values = centres.map((c) => c[axis]);
    const lo = Math.min(...values), hi = Math.max(...values);
    centres.forEach((c, n) => { out[n * 3 + axis] = hi > lo ? (c[axis] - lo) / (hi - lo) : 0.5; });
  }
  return out;
}
