import type { Vec3, VoxelGrid } from '../rt';

/** A dose (or any scalar) field on a voxel grid, index i + columns·(j + rows·k). */
export interface ScalarField {
  readonly grid: VoxelGrid;
  readonly values: Float32Array;
}

/** Centre of voxel (i, j, k) in patient LPS mm, following the VoxelGrid convention. */
export function voxelCentreMm(grid: VoxelGrid, i: number, j: number, k: number): Vec3 {
  const a = i * grid.columnSpacingMm;
  const b = j * grid.rowSpacingMm;
  const c = grid.sliceOffsetsMm[k];
  const out: [number, number, number] = [0, 0, 0];
  for (let d = 0; d < 3; d++) {
    out[d] = grid.originMm[d] + a * grid.rowDirection[d] + b * grid.columnDirection[d] + c * grid.sliceDirection[d];
  }
  return out;
}

/** Fractional slice index of a signed offset along the slice normal, or −1 when outside the slices. */
function fractionalSlice(offsets: readonly number[], offsetMm: number): number {
  const n = offsets.length;
  if (n === 1) return Math.abs(offsetMm - offsets[0]) <= 1e-6 ? 0 : -1;
  const ascending = offsets[n - 1] > offsets[0];
  const lo = ascending ? offsets[0] : offsets[n - 1];
  const hi = ascending ? offsets[n - 1] : offsets[0];
  if (offsetMm < lo - 1e-6 || offsetMm > hi + 1e-6) return -1;
  let a = 0;
  let b = n - 1;
  // binary search for the bracketing pair, whichever way the offsets run
  while (b - a > 1) {
    const mid = (a + b) >> 1;
    if ((offsets[mid] <= offsetMm) === ascending) a = mid; else b = mid;
  }
  const t = (offsetMm - offsets[a]) / (offsets[b] - offsets[a]);
  return a + Math.min(1, Math.max(0, t));
}

const EDGE_TOLERANCE = 1e-6;

/**
 * Continuous voxel index (fi, fj, fk) of a patient point (LPS mm) inside the grid's voxel-centre box,
 * or null when the point lies outside it.
 */
export function continuousIndex(g: VoxelGrid, pointMm: Vec3): [number, number, number] | null {
  const dx = pointMm[0] - g.originMm[0];
  const dy = pointMm[1] - g.originMm[1];
  const dz = pointMm[2] - g.originMm[2];
  const fi = (dx * g.rowDirection[0] + dy * g.rowDirection[1] + dz * g.rowDirection[2]) / g.columnSpacingMm;
  const fj = (dx * g.columnDirection[0] + dy * g.columnDirection[1] + dz * g.columnDirection[2]) / g.rowSpacingMm;
  if (fi < -EDGE_TOLERANCE || fj < -EDGE_TOLERANCE || fi > g.columns - 1 + EDGE_TOLERANCE
    || fj > g.rows - 1 + EDGE_TOLERANCE) return null;
  const fk = fractionalSlice(g.sliceOffsetsMm,
    dx * g.sliceDirection[0] + dy * g.sliceDirection[1] + dz * g.sliceDirection[2]);
  if (fk < 0) return null;
  return [Math.min(Math.max(fi, 0), g.columns - 1), Math.min(Math.max(fj, 0), g.rows - 1), fk];
}

/**
 * Value of the field at a patient point (LPS mm) by trilinear interpolation between voxel centres;
 * 0 outside the grid (a dose grid has no dose beyond its last voxel centre).
 */
export function sampleTrilinear(field: ScalarField, pointMm: Vec3): number {
  const g = field.grid;
  const index = continuousIndex(g, pointMm);
  if (index === null) return 0;
  const [ci, cj, fk] = index;
  const i0 = Math.min(Math.floor(ci), Math.max(g.columns - 2, 0));
  const j0 = Math.min(Math.floor(cj), Math.max(g.rows - 2, 0));
  const k0 = Math.min(Math.floor(fk), Math.max(g.slices - 2, 0));
  const ti = g.columns > 1 ? ci - i0 : 0;
  const tj = g.rows > 1 ? cj - j0 : 0;
  const tk = g.slices > 1 ? fk - k0 : 0;
  const i1 = Math.min(i0 + 1, g.columns - 1);
  const j1 = Math.min(j0 + 1, g.rows - 1);
  const k1 = Math.min(k0 + 1, g.slices - 1);
  const v = field.values;
  const plane = g.columns * g.rows;
  const at = (i: number, j: number, k: number) => v[i + g.columns * j + plane * k];
  const c00 = at(i0, j0, k0) * (1 - ti) + at(i1, j0, k0) * ti;
  const c10 = at(i0, j1, k0) * (1 - ti) + at(i1, j1, k0) * ti;
  const c01 = at(i0, j0, k1) * (1 - ti) + at(i1, j0, k1) * ti;
  const c11 = at(i0, j1, k1) * (1 - ti) + at(i1, j1, k1) * ti;
  return (c00 * (1 - tj) + c10 * tj) * (1 - tk) + (c01 * (1 - tj) + c11 * tj) * tk;
}

/**
 * Resamples a field onto another voxel grid (any orientation, both in patient LPS mm) by trilinear
 * interpolation at each target voxel centre. Target voxels outside the source grid get 0; their count is
 * returned so a caller can say how much of the target the source did not cover.
 */
export function resampleDose(source: ScalarField, target: VoxelGrid): { values: Float32Array; outsideCount: number } {
  const values = new Float32Array(target.columns * target.rows * target.slices);
  let outsideCount = 0;
  let index = 0;
  for (let k = 0; k < target.slices; k++) {
    for (let j = 0; j < target.rows; j++) {
      for (let i = 0; i < target.columns; i++, index++) {
        const p = voxelCentreMm(target, i, j, k);
        if (continuousIndex(source.grid, p) === null) outsideCount++;
        else values[index] = sampleTrilinear(source, p);
      }
    }
  }
  return { values, outsideCount };
}
