import type { VoxelGrid } from '../rt';
import { forEachSpan } from './rasterizeSections';
import { sectionsAt, type Shape } from './shapes';

/** A sub-box of a voxel grid: voxel index ranges, inclusive. */
export interface VoxelBox {
  readonly i0: number; readonly i1: number;
  readonly j0: number; readonly j1: number;
  readonly k0: number; readonly k1: number;
}

/**
 * Voxels of an axis-aligned grid (identity orientation, uniform slice offsets) whose centres lie inside the
 * analytic shape (true cross-section at the voxel's own z). Mask index = i + columns·(j + rows·k).
 */
export function rasterizeShape(shape: Shape, grid: VoxelGrid, mask = new Uint8Array(grid.columns * grid.rows * grid.slices)): Uint8Array {
  const lattice = { x0Mm: grid.originMm[0], y0Mm: grid.originMm[1], dxMm: grid.columnSpacingMm, dyMm: grid.rowSpacingMm, columns: grid.columns, rows: grid.rows };
  for (let k = 0; k < grid.slices; k++) {
    const z = grid.originMm[2] + grid.sliceOffsetsMm[k];
    const base = k * grid.columns * grid.rows;
    for (const section of sectionsAt(shape, z)) {
      forEachSpan(section, lattice, (row, first, last) => mask.fill(1, base + row * grid.columns + first, base + row * grid.columns + last + 1));
    }
  }
  return mask;
}

/** Bounding box of a mask grown by `marginMm`, clipped to the grid; null for an empty mask. */
export function maskBox(mask: Uint8Array, grid: VoxelGrid, marginMm: number): VoxelBox | null {
  const nx = grid.columns, ny = grid.rows;
  let i0 = Infinity, i1 = -1, j0 = Infinity, j1 = -1, k0 = Infinity, k1 = -1;
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const i = p % nx, j = Math.floor(p / nx) % ny, k = Math.floor(p / (nx * ny));
    if (i < i0) i0 = i; if (i > i1) i1 = i;
    if (j < j0) j0 = j; if (j > j1) j1 = j;
    if (k < k0) k0 = k; if (k > k1) k1 = k;
  }
  if (i1 < 0) return null;
  const dz = grid.slices > 1 ? Math.abs(grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0]) : 1;
  const mi = Math.ceil(marginMm / grid.columnSpacingMm), mj = Math.ceil(marginMm / grid.rowSpacingMm), mk = Math.ceil(marginMm / dz);
  return {
    i0: Math.max(0, i0 - mi), i1: Math.min(nx - 1, i1 + mi), j0: Math.max(0, j0 - mj), j1: Math.min(ny - 1, j1 + mj),
    k0: Math.max(0, k0 - mk), k1: Math.min(grid.slices - 1, k1 + mk),
  };
}
