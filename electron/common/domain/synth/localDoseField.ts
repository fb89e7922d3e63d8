import type { VoxelGrid } from '../rt';
import { distanceTransform } from './distanceTransform';
import { rasterizeShapeInBox } from './rasterizeShape';
import { sampleDose, sampledMetric } from './sampledMetric';
import type { StructureSamples } from './sampleStructure';
import type { Shape } from './shapes';
import type { DoseGrid } from '../rt';

/**
 * A region of the dose grid that the generator may rescale to move one metric: dose[v] becomes
 * original[v]·(1 + (s − 1)·weight[v]). Weight 1 over the organ and ~4 mm around it (so trilinear
 * interpolation inside the organ sees the same factor), fading to 0 at 12 mm, and fading to 0 towards
 * the PTVs so that target coverage is not touched.
 */
export interface LocalDoseField {
  readonly indices: Int32Array;
  readonly weight: Float32Array;
  original: Float32Array;
}

export function organField(shape: Shape, grid: VoxelGrid, ptvDistanceMm: Float32Array, respectPtv = true): LocalDoseField {
  const boxed = rasterizeShapeInBox(shape, grid, 14);
  if (!boxed) return { indices: new Int32Array(0), weight: new Float32Array(0), original: new Float32Array(0) };
  const { box, bx, by, bz, mask: local } = boxed;
  const global = (i: number, j: number, k: number) => box.i0 + i + grid.columns * (box.j0 + j + grid.rows * (box.k0 + k));
  const dz = grid.slices > 1 ? Math.abs(grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0]) : 1;
  const distance = distanceTransform(local, bx, by, bz, grid.columnSpacingMm, grid.rowSpacingMm, dz);
  const indices: number[] = [], weights: number[] = [];
  for (let k = 0; k < bz; k++) for (let j = 0; j < by; j++) for (let i = 0; i < bx; i++) {
    const d = distance[i + bx * (j + by * k)];
    let w = d <= 4 ? 1 : d >= 12 ? 0 : (12 - d) / 8;
    const g = global(i, j, k);
    if (respectPtv) w *= Math.min(1, ptvDistanceMm[g] / 4);
    if (w > 0) { indices.push(g); weights.push(w); }
  }
  return { indices: Int32Array.from(indices), weight: Float32Array.from(weights), original: new Float32Array(indices.length) };
}

/** Voxels selected by a predicate, weight 1 (cold or hot regions inside targets). */
export function selectedField(count: number, select: (index: number) => boolean): LocalDoseField {
  const indices: number[] = [];
  for (let p = 0; p < count; p++) if (select(p)) indices.push(p);
  return { indices: Int32Array.from(indices), weight: new Float32Array(indices.length).fill(1), original: new Float32Array(indices.length) };
}

/** Voxels with a positive weight from `weightOf` (a graded region, e.g. the hot-spot bump). */
export function weightedField(dose: Float32Array, weightOf: (index: number) => number): LocalDoseField {
  const indices: number[] = [], weights: number[] = [];
  for (let p = 0; p < dose.length; p++) {
    const w = weightOf(p);
    if (w > 0) { indices.push(p); weights.push(w); }
  }
  return { indices: Int32Array.from(indices), weight: Float32Array.from(weights), original: new Float32Array(indices.length) };
}

export function captureField(field: LocalDoseField, dose: Float32Array): void {
  for (let q = 0; q < field.indices.length; q++) field.original[q] = dose[field.indices[q]];
}

export function applyField(field: LocalDoseField, dose: Float32Array, scale: number): void {
  for (let q = 0; q < field.indices.length; q++) dose[field.indices[q]] = field.original[q] * (1 + (scale - 1) * field.weight[q]);
}

/**
 * Finds the scale s in [minScale, maxScale] that brings `metric` of the sampled structure to `aim`
 * (bisection: the metric rises with s), leaves the dose scaled by it and returns the metric reached.
 */
export function solveFieldScale(field: LocalDoseField, doseGrid: DoseGrid, samples: StructureSamples, metric: (doses: Float32Array, weightMm3: number) => number | null,
  aim: number, minScale = 0.2, maxScale = 4): { scale: number; value: number | null } {
  captureField(field, doseGrid.dose as Float32Array);
  const evaluate = (s: number) => {
    applyField(field, doseGrid.dose as Float32Array, s);
    return metric(sampleDose(samples, doseGrid), samples.weightMm3);
  };
  let lo = minScale, hi = maxScale;
  const vLo = evaluate(lo), vHi = evaluate(hi);
  if (vLo === null || vHi === null) { applyField(field, doseGrid.dose as Float32Array, 1); return { scale: 1, value: null }; }
  if (aim <= vLo) return { scale: lo, value: evaluate(lo) };
  if (aim >= vHi) return { scale: hi, value: vHi };
  for (let it = 0; it < 24; it++) {
    const mid = (lo + hi) / 2;
    const v = evaluate(mid) ?? 0;
    if (v < aim) lo = mid; else hi = mid;
    if (Math.abs(v - aim) < 0.02 * Math.max(0.5, Math.abs(aim)) * 0.1) break;
  }
  const scale = (lo + hi) / 2;
  return { scale, value: evaluate(scale) };
}

export { sampledMetric };
