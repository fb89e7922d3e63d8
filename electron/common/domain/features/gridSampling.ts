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
 * nearest neighbour; `outside` where the target voxel lies outside the source grid.
 * Index = i + columns·(j + rows·k) on the target grid.
 */
export function resampleNearest(source: VoxelGrid, values: ArrayLike<number>, target: VoxelGrid, outside: number): Float32Array {
  const out = new Float32Array(target.columns * target.rows * target.slices).fill(outside);
  for (let k = 0; k < target.slices; k++) {
    for (let j = 0; j < target.rows; j++) {
      for (let i = 0; i < target.columns; i++) {
        const hit = nearestVoxel(source, voxelCentreMm(target, i, j, k));
        if (!hit) continue;
        out[i + target.columns * (j + target.rows * k)] = values[hit[0] + source.columns * (hit[1] + source.rows * hit[2])];
      }
    }
  }
  return out;
}
