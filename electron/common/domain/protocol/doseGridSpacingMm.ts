import type { VoxelGrid } from '../rt/geometry';

/**
 * Largest spacing of a dose grid, mm: max of column spacing, row spacing and the largest gap between
 * adjacent slice planes (GridFrameOffsetVector may be non-uniform; the coarsest gap is what blurs). A
 * single-slice grid has no slice spacing and reports the in-plane maximum.
 */
export function doseGridSpacingMm(grid: VoxelGrid): number {
  let largest = Math.max(grid.columnSpacingMm, grid.rowSpacingMm);
  for (let k = 1; k < grid.sliceOffsetsMm.length; k++) {
    largest = Math.max(largest, Math.abs(grid.sliceOffsetsMm[k] - grid.sliceOffsetsMm[k - 1]));
  }
  return largest;
}
