import type { VoxelGrid } from '../rt';
import { forEachSpan } from './rasterizeSections';
import { sectionBounds, sectionsAt, type Shape } from './shapes';

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
  for (let k = 0, p = 0; k < grid.slices; k++) {
    for (let j = 0; j < ny; j++, p += nx) {
      const row = mask.subarray(p, p + nx);
      const first = row.indexOf(1);
      if (first < 0) continue;
      const last = row.lastIndexOf(1);
      i0 = Math.min(i0, first); i1 = Math.max(i1, last);
      j0 = Math.min(j0, j); j1 = Math.max(j1, j); k0 = Math.min(k0, k); k1 = Math.max(k1, k);
    }
  }
  if (i1 < 0) return null;
  const dz = grid.slices > 1 ? Math.abs(grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0]) : 1;
  const mi = Math.ceil(marginMm / grid.columnSpacingMm), mj = Math.ceil(marginMm / grid.rowSpacingMm), mk = Math.ceil(marginMm / dz);
  return {
    i0: Math.max(0, i0 - mi), i1: Math.min(nx - 1, i1 + mi), j0: Math.max(0, j0 - mj), j1: Math.min(ny - 1, j1 + mj),
    k0: Math.max(0, k0 - mk), k1: Math.min(grid.slices - 1, k1 + mk),
  };
}

/** A shape rasterized only inside its bounding box (grown by a margin): local mask, index = i + bx·(j + by·k). */
export interface BoxedMask {
  readonly box: VoxelBox;
  readonly bx: number;
  readonly by: number;
  readonly bz: number;
  readonly mask: Uint8Array;
}

/** Like rasterizeShape but touching only the voxels near the shape (bounds from its plane sections). */
export function rasterizeShapeInBox(shape: Shape, grid: VoxelGrid, marginMm: number): BoxedMask | null {
  let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity, zmin = Infinity, zmax = -Infinity;
  for (let k = 0; k < grid.slices; k++) {
    const z = grid.originMm[2] + grid.sliceOffsetsMm[k];
    for (const section of sectionsAt(shape, z)) {
      const [a, b, c, d] = sectionBounds(section);
      xmin = Math.min(xmin, a); xmax = Math.max(xmax, b); ymin = Math.min(ymin, c); ymax = Math.max(ymax, d);
      zmin = Math.min(zmin, z); zmax = Math.max(zmax, z);
    }
  }
  if (!Number.isFinite(xmin)) return null;
  const dz = grid.slices > 1 ? Math.abs(grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0]) : 1;
  const clampIndex = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  const box: VoxelBox = {
    i0: clampIndex(Math.floor((xmin - marginMm - grid.originMm[0]) / grid.columnSpacingMm), grid.columns),
    i1: clampIndex(Math.ceil((xmax + marginMm - grid.originMm[0]) / grid.columnSpacingMm), grid.columns),
    j0: clampIndex(Math.floor((ymin - marginMm - grid.originMm[1]) / grid.rowSpacingMm), grid.rows),
    j1: clampIndex(Math.ceil((ymax + marginMm - grid.originMm[1]) / grid.rowSpacingMm), grid.rows),
    k0: clampIndex(Math.floor((zmin - marginMm - grid.originMm[2] - grid.sliceOffsetsMm[0]) / dz), grid.slices),
    k1: clampIndex(Math.ceil((zmax + marginMm - grid.originMm[2] - grid.sliceOffsetsMm[0]) / dz), grid.slices),
  };
  const bx = box.i1 - box.i0 + 1, by = box.j1 - box.j0 + 1, bz = box.k1 - box.k0 + 1;
  const mask = new Uint8Array(bx * by * bz);
  const lattice = {
    x0Mm: grid.originMm[0] + box.i0 * grid.columnSpacingMm, y0Mm: grid.originMm[1] + box.j0 * grid.rowSpacingMm,
    dxMm: grid.columnSpacingMm, dyMm: grid.rowSpacingMm, columns: bx, rows: by,
  };
  for (let k = 0; k < bz; k++) {
    const z = grid.originMm[2] + grid.sliceOffsetsMm[box.k0 + k];
    for (const section of sectionsAt(shape, z)) {
      forEachSpan(section, lattice, (row, first, last) => mask.fill(1, bx * (row + by * k) + first, bx * (row + by * k) + last + 1));
    }
  }
  return { box, bx, by, bz, mask };
}
