import type { Vec3, VoxelGrid } from '../rt/geometry';

/** Centre of voxel (i, j, k) in patient LPS mm (see VoxelGrid for the convention). */
export function voxelCentreMm(grid: VoxelGrid, i: number, j: number, k: number): Vec3 {
  const o = grid.originMm;
  const r = grid.rowDirection;
  const c = grid.columnDirection;
  const s = grid.sliceDirection;
  const a = i * grid.columnSpacingMm;
  const b = j * grid.rowSpacingMm;
  const z = grid.sliceOffsetsMm[k];
  return [o[0] + a * r[0] + b * c[0] + z * s[0], o[1] + a * r[1] + b * c[1] + z * s[1], o[2] + a * r[2] + b * c[2] + z * s[2]];
}

/**
 * Nearest voxel (i, j, k) of `grid` to a patient point (LPS mm), or null outside the grid by more than
 * half a voxel. Assumes orthonormal direction cosines (DICOM images); slices may be non-uniform.
 */
export function nearestVoxel(grid: VoxelGrid, pointMm: Vec3): [number, number, number] | null {
  const d: Vec3 = [pointMm[0] - grid.originMm[0], pointMm[1] - grid.originMm[1], pointMm[2] - grid.originMm[2]];
  const dot = (u: Vec3) => d[0] * u[0] + d[1] * u[1] + d[2] * u[2];
  const i = Math.round(dot(grid.rowDirection) / grid.columnSpacingMm);
  const j = Math.round(dot(grid.columnDirection) / grid.rowSpacingMm);
  if (i < 0 || j < 0 || i >= grid.columns || j >= grid.rows) return null;
  const offset = dot(grid.sliceDirection);
  const offsets = grid.sliceOffsetsMm;
  let k = -1;
  let best = Infinity;
  for (let n = 0; n < offsets.length; n++) {
    const gap = Math.abs(offsets[n] - offset);
    if (gap < best) { best = gap; k = n; }
  }
  const sliceGapMm = offsets.length > 1 ? Math.abs(offsets[1] - offsets[0]) : 1;
  if (k < 0 || best > sliceGapMm / 2 + 1e-6) return null;
  return [i, j, k];
}

/**
 * Values of a source volume (e.g. CT HU) at every voxel centre of `target` (e.g. the dose grid),
 * nearest neighbour (same rule as nearestVoxel); `outside` where the target voxel lies outside the source grid.
 * Index = i + columns·(j + rows·k) on the target grid. Source coordinates are linear in (i, j, k), so they are
 * accumulated per axis instead of recomputed per voxel; the nearest slice is found by binary search when the
 * source slice offsets are sorted (always for CT series built by the reader).
 */
export function resampleNearest(source: VoxelGrid, values: ArrayLike<number>, target: VoxelGrid, outside: number): Float32Array {
  const out = new Float32Array(target.columns * target.rows * target.slices).fill(outside);
  const project = (p: Vec3): Vec3 => {
    const d: Vec3 = [p[0] - source.originMm[0], p[1] - source.originMm[1], p[2] - source.originMm[2]];
    const dot = (u: Vec3) => d[0] * u[0] + d[1] * u[1] + d[2] * u[2];
    return [dot(source.rowDirection) / source.columnSpacingMm, dot(source.columnDirection) / source.rowSpacingMm, dot(source.sliceDirection)];
  };
  const o = project(voxelCentreMm(target, 0, 0, 0));
  const di = sub(project(voxelCentreMm(target, 1, 0, 0)), o);
  const dj = sub(project(voxelCentreMm(target, 0, 1, 0)), o);
  const offsets = source.sliceOffsetsMm;
  const sorted = offsets.every((v, n) => n === 0 || v > offsets[n - 1]);
  const halfGap = (offsets.length > 1 ? Math.abs(offsets[1] - offsets[0]) : 1) / 2 + 1e-6;
  for (let k = 0; k < target.slices; k++) {
    const ok = project(voxelCentreMm(target, 0, 0, k));
    for (let j = 0; j < target.rows; j++) {
      for (let i = 0; i < target.columns; i++) {
        const ui = Math.round(ok[0] + i * di[0] + j * dj[0]);
        const vj = Math.round(ok[1] + i * di[1] + j * dj[1]);
        if (ui < 0 || vj < 0 || ui >= source.columns || vj >= source.rows) continue;
        const w = ok[2] + i * di[2] + j * dj[2];
        const ks = sorted ? nearestSorted(offsets, w) : nearestAny(offsets, w);
        if (Math.abs(offsets[ks] - w) > halfGap) continue;
        out[i + target.columns * (j + target.rows * k)] = values[ui + source.columns * (vj + source.rows * ks)];
      }
    }
  }
  return out;
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function nearestSorted(offsets: readonly number[], w: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] <= w) lo = mid; else hi = mid;
  }
  return Math.abs(offsets[hi] - w) < Math.abs(offsets[lo] - w) ? hi : lo;
}

function nearestAny(offsets: readonly number[], w: number): number {
  let best = 0;
  for (let n = 1; n < offsets.length; n++) if (Math.abs(offsets[n] - w) < Math.abs(offsets[best] - w)) best = n;
  return best;
}
