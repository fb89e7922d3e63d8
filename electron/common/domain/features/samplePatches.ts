import type { VoxelGrid } from '../rt/geometry';
import { DOSE_SCALE_GY, MAX_PATCHES, PATCH_CHANNELS, PATCH_SIZE_VOXELS } from './featureSpec';
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

/**
 * The spatial MIL bag: the dose grid is tiled into non-overlapping cubes of PATCH_SIZE_VOXELS; cubes at
 * least half inside the body are candidates, ranked by mean dose plus one for touching any mask channel,
 * and the best MAX_PATCHES are kept (deterministic, so training and inference see the same patches).
 * Channels (PATCH_CHANNELS): CT/1000 HU clipped to [−1, 2], dose/70 Gy, then organ-group masks (0/1).
 * Partial cubes at the grid edge are padded with CT −1000 HU, dose 0, masks 0.
 */
export function samplePatches(sources: PatchSources): PatchBag {
  const { doseGrid: g, doseGy, ctHu, bodyMask } = sources;
  const p = PATCH_SIZE_VOXELS;
  const warnings: string[] = [];
  const channelMasks = PATCH_CHANNELS.slice(2).map((channel) => unionMask(channel.organs ?? [], sources.organMasks, doseGy.length));
  const inBody = (n: number) => (bodyMask ? bodyMask[n] > 0 : doseGy[n] > 0);
  const candidates: Array<{ corner: [number, number, number]; score: number }> = [];
  for (let k0 = 0; k0 < g.slices; k0 += p) {
    for (let j0 = 0; j0 < g.rows; j0 += p) {
      for (let i0 = 0; i0 < g.columns; i0 += p) {
        let body = 0; let doseSum = 0; let touches = false;
        forEachVoxel(g, i0, j0, k0, (n) => {
          if (inBody(n)) body += 1;
          doseSum += doseGy[n];
          if (!touches) touches = channelMasks.some((m) => m !== null && m[n] > 0);
        });
        if (body < (p * p * p) / 2) continue;
        candidates.push({ corner: [i0, j0, k0], score: doseSum / (p * p * p) / DOSE_SCALE_GY + (touches ? 1 : 0) });
      }
    }
  }
  if (candidates.length === 0) warnings.push('no patch lies inside the body: the spatial model cannot be run');
  candidates.sort((a, b) => b.score - a.score);
  const kept = candidates.slice(0, MAX_PATCHES);
  const channels = PATCH_CHANNELS.length;
  const cube = p * p * p;
  const data = new Float32Array(kept.length * channels * cube);
  for (let n = 0; n < kept.length; n++) {
    const [i0, j0, k0] = kept[n].corner;
    const base = n * channels * cube;
    data.fill(-1, base, base + cube); // CT channel outside the grid reads as air
    for (let dk = 0; dk < p; dk++) for (let dj = 0; dj < p; dj++) for (let di = 0; di < p; di++) {
      const i = i0 + di; const j = j0 + dj; const k = k0 + dk;
      if (i >= g.columns || j >= g.rows || k >= g.slices) continue;
      const v = i + g.columns * (j + g.rows * k);
      const local = di + p * (dj + p * dk);
      data[base + local] = Math.min(2, Math.max(-1, ctHu[v] / 1000));
      data[base + cube + local] = doseGy[v] / DOSE_SCALE_GY;
      channelMasks.forEach((m, c) => { if (m) data[base + (c + 2) * cube + local] = m[v]; });
    }
  }
  return { count: kept.length, channels, patchSizeVoxels: p, data, cornersIjk: kept.map((c) => c.corner), positions: patchPositions(g, kept.map((c) => c.corner)), warnings };
}

function forEachVoxel(g: VoxelGrid, i0: number, j0: number, k0: number, visit: (n: number) => void): void {
  const p = PATCH_SIZE_VOXELS;
  for (let k = k0; k < Math.min(k0 + p, g.slices); k++)
    for (let j = j0; j < Math.min(j0 + p, g.rows); j++)
      for (let i = i0; i < Math.min(i0 + p, g.columns); i++) visit(i + g.columns * (j + g.rows * k));
}

function unionMask(organs: readonly string[], masks: ReadonlyMap<string, Uint8Array>, size: number): Uint8Array | null {
  const present = organs.map((o) => masks.get(o)).filter((m): m is Uint8Array => m !== undefined);
  if (present.length === 0) return null;
  const out = new Uint8Array(size);
  for (const m of present) for (let n = 0; n < size; n++) if (m[n]) out[n] = 1;
  return out;
}

/** Patch centres in LPS mm normalised to [0, 1] over the kept patches' bounding box, per axis. */
function patchPositions(g: VoxelGrid, corners: Array<[number, number, number]>): Float32Array {
  const half = (PATCH_SIZE_VOXELS - 1) / 2;
  const centres = corners.map(([i, j, k]) => voxelCentreMm(g, Math.min(i + half, g.columns - 1), Math.min(j + half, g.rows - 1), Math.min(Math.round(k + half), g.slices - 1)));
  const out = new Float32Array(corners.length * 3);
  for (let axis = 0; axis < 3; axis++) {
    const values = centres.map((c) => c[axis]);
    const lo = Math.min(...values); const hi = Math.max(...values);
    centres.forEach((c, n) => { out[n * 3 + axis] = hi > lo ? (c[axis] - lo) / (hi - lo) : 0.5; });
  }
  return out;
}
