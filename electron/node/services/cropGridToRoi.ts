import type { Vec3, VoxelGrid } from '../../common/domain/rt/geometry';
import type { Roi } from '../../common/domain/rt/rtTypes';

/** A sub-grid of `grid` and where its voxel (0, 0, 0) sits in the full grid. */
export interface GridCrop {
  grid: VoxelGrid;
  offset: [number, number, number];
}

/**
 * The smallest block of `grid` that can hold the ROI: its contour points' index range, widened by one voxel
 * in-plane and by the larger of the contour-plane and slice spacings along the slices (a contour stands for a
 * slab). The crop keeps the full grid's geometry: voxel (i, j, k) of the crop is voxel (i + offset[0],
 * j + offset[1], k + offset[2]) of the grid, at the same place in patient LPS mm. Null when the ROI has no
 * contour point or lies outside the grid. Rasterising on the crop instead of the whole dose grid turns seconds
 * into milliseconds for organ-sized ROIs.
 */
export function cropGridToRoi(roi: Roi, grid: VoxelGrid): GridCrop | null {
  let iMin = Infinity; let iMax = -Infinity; let jMin = Infinity; let jMax = -Infinity; let sMin = Infinity; let sMax = -Infinity;
  const planes = new Set<number>();
  for (const contour of roi.contours) {
    const p = contour.pointsMm;
    for (let n = 0; n + 2 < p.length; n += 3) {
      const d: Vec3 = [p[n] - grid.originMm[0], p[n + 1] - grid.originMm[1], p[n + 2] - grid.originMm[2]];
      const i = dot(d, grid.rowDirection) / grid.columnSpacingMm;
      const j = dot(d, grid.columnDirection) / grid.rowSpacingMm;
      const s = dot(d, grid.sliceDirection);
      iMin = Math.min(iMin, i); iMax = Math.max(iMax, i); jMin = Math.min(jMin, j); jMax = Math.max(jMax, j);
      sMin = Math.min(sMin, s); sMax = Math.max(sMax, s);
      planes.add(Math.round(s * 100) / 100);
    }
  }
  if (!Number.isFinite(iMin)) return null;
  const offsets = grid.sliceOffsetsMm;
  const sorted = [...planes].sort((a, b) => a - b);
  let margin = 0;
  for (let n = 1; n < sorted.length; n++) margin = Math.max(margin, sorted[n] - sorted[n - 1]);
  for (let k = 1; k < offsets.length; k++) margin = Math.max(margin, Math.abs(offsets[k] - offsets[k - 1]));
  const i0 = Math.max(0, Math.floor(iMin) - 1);
  const i1 = Math.min(grid.columns - 1, Math.ceil(iMax) + 1);
  const j0 = Math.max(0, Math.floor(jMin) - 1);
  const j1 = Math.min(grid.rows - 1, Math.ceil(jMax) + 1);
  const slices: number[] = [];
  for (let k = 0; k < offsets.length; k++) if (offsets[k] >= sMin - margin && offsets[k] <= sMax + margin) slices.push(k);
  if (i0 > i1 || j0 > j1 || slices.length === 0) return null;
  // slice offsets of a grid need not be monotonic; a contiguous index range keeps the layout simple
  const k0 = Math.min(...slices);
  const k1 = Math.max(...slices);
  const originMm: Vec3 = [0, 1, 2].map((a) => grid.originMm[a] + i0 * grid.columnSpacingMm * grid.rowDirection[a]
    + j0 * grid.rowSpacingMm * grid.columnDirection[a]) as unknown as Vec3;
  return {
    grid: { ...grid, columns: i1 - i0 + 1, rows: j1 - j0 + 1, slices: k1 - k0 + 1, originMm, sliceOffsetsMm: offsets.slice(k0, k1 + 1) },
    offset: [i0, j0, k0],
  };
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
