import { describe, expect, it } from 'vitest';
import { rasteriseRoiOnGrid } from '../../common/domain/features/rasteriseRoiOnGrid';
import type { VoxelGrid } from '../../common/domain/rt/geometry';
import type { Roi } from '../../common/domain/rt/rtTypes';
import { cropGridToRoi } from './cropGridToRoi';

/** 40×30×20 grid, 2 mm in-plane, 3 mm slices, voxel (i, j, k) at (−40 + 2i, −30 + 2j, 3k) mm LPS, axial HFS. */
const grid: VoxelGrid = {
  columns: 40, rows: 30, slices: 20, originMm: [-40, -30, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
  columnSpacingMm: 2, rowSpacingMm: 2, sliceOffsetsMm: Array.from({ length: 20 }, (_, k) => 3 * k),
};
const square = (x0: number, y0: number, half: number, z: number) => [x0 - half, y0 - half, z, x0 + half, y0 - half, z, x0 + half, y0 + half, z, x0 - half, y0 + half, z];
const roi: Roi = {
  roiNumber: 1, name: 'Box', colorRgb: null, interpretedType: 'ORGAN', isPoint: false,
  contours: [15, 18, 21, 24].map((z) => ({ pointsMm: new Float64Array(square(6, -4, 5, z)), geometricType: 'CLOSED_PLANAR' as const })),
};

describe('cropGridToRoi', () => {
  it('gives the same mask as rasterising on the whole grid, on a much smaller block', () => {
    const full = rasteriseRoiOnGrid(roi, grid);
    const crop = cropGridToRoi(roi, grid)!;
    const part = rasteriseRoiOnGrid(roi, crop.grid);
    expect(crop.grid.columns * crop.grid.rows * crop.grid.slices).toBeLessThan(full.length / 20);
    // x from 1 to 11 mm → i 20.5…25.5; ±1 voxel → 19…27
    expect(crop.offset[0]).toBe(19);
    expect(crop.grid.columns).toBe(9);
    const inside: number[] = [];
    for (let n = 0; n < full.length; n++) if (full[n]) inside.push(n);
    const mapped: number[] = [];
    for (let m = 0; m < part.length; m++) {
      if (!part[m]) continue;
      const i = crop.offset[0] + (m % crop.grid.columns);
      const j = crop.offset[1] + (Math.floor(m / crop.grid.columns) % crop.grid.rows);
      const k = crop.offset[2] + Math.floor(m / (crop.grid.columns * crop.grid.rows));
      mapped.push(i + grid.columns * (j + grid.rows * k));
    }
    expect(inside.length).toBeGreaterThan(0);
    expect(mapped.sort((a, b) => a - b)).toEqual(inside);
  });

  it('is null for an ROI outside the grid or without points', () => {
    const far: Roi = { ...roi, contours: [{ pointsMm: new Float64Array(square(500, 500, 5, 900)), geometricType: 'CLOSED_PLANAR' }] };
    expect(cropGridToRoi(far, grid)).toBeNull();
    expect(cropGridToRoi({ ...roi, contours: [] }, grid)).toBeNull();
  });
});
