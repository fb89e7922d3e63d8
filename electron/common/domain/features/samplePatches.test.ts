import { describe, expect, it } from 'vitest';
import type { Roi } from '../rt/rtTypes';
import type { VoxelGrid } from '../rt/geometry';
import { attentionToRiskMap } from './attentionToRiskMap';
import { MAX_PATCHES, PATCH_CHANNELS, PATCH_SIZE_VOXELS } from './featureSpec';
import { rasteriseRoiOnGrid } from './rasteriseRoiOnGrid';
import { samplePatches } from './samplePatches';

/** 24 × 16 × 16 voxels of 2 mm, axial, origin 0: voxel (i, j, k) centre = (2i, 2j, 2k) mm. */
const grid: VoxelGrid = {
  columns: 24, rows: 16, slices: 16, originMm: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
  columnSpacingMm: 2, rowSpacingMm: 2, sliceOffsetsMm: Array.from({ length: 16 }, (_, k) => 2 * k),
};
const size = grid.columns * grid.rows * grid.slices;

/** Square contour [x0, x1] × [y0, y1] mm on planes z = 0, 2, …, 30 mm. */
function boxRoi(x0: number, x1: number, y0: number, y1: number): Roi {
  const contours = grid.sliceOffsetsMm.map((z) => ({
    geometricType: 'CLOSED_PLANAR' as const, pointsMm: Float64Array.from([x0, y0, z, x1, y0, z, x1, y1, z, x0, y1, z]),
  }));
  return { roiNumber: 1, name: 'box', colorRgb: null, interpretedType: 'ORGAN', contours, isPoint: false };
}

describe('rasteriseRoiOnGrid', () => {
  it('marks exactly the voxel centres inside a square contour', () => {
    // x in [3, 11] mm holds centres 4, 6, 8, 10 (i = 2..5); y in [-1, 5] holds 0, 2, 4 (j = 0..2): 4·3 per slice
    const mask = rasteriseRoiOnGrid(boxRoi(3, 11, -1, 5), grid);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(4 * 3 * 16);
    expect(mask[2 + grid.columns * (0 + grid.rows * 5)]).toBe(1);
    expect(mask[6 + grid.columns * (0 + grid.rows * 5)]).toBe(0);
  });
});

describe('samplePatches', () => {
  const doseGy = Float32Array.from({ length: size }, (_, n) => Math.floor(n / (grid.columns * grid.rows)) * 4); // 4 Gy per slice
  const ctHu = new Float32Array(size).fill(40);
  const parotid = rasteriseRoiOnGrid(boxRoi(-1, 15, -1, 15), grid); // i, j = 0..7: the first patch column

  it('keeps cubes inside the body, mask-touching and high-dose first, with channels in spec order', () => {
    const bag = samplePatches({ doseGrid: grid, doseGy, ctHu, bodyMask: new Uint8Array(size).fill(1), organMasks: new Map([['Parotid_L', parotid]]) });
    expect(bag.count).toBe(3 * 2 * 2); // 24/8 × 16/8 × 16/8 cubes, all below MAX_PATCHES
    expect(bag.count).toBeLessThanOrEqual(MAX_PATCHES);
    expect(bag.channels).toBe(PATCH_CHANNELS.length);
    // the two parotid cubes rank first (score +1), the upper one (k0 = 8, higher dose) before the lower
    expect(bag.cornersIjk.slice(0, 2)).toEqual([[0, 0, 8], [0, 0, 0]]);
    const cube = PATCH_SIZE_VOXELS ** 3;
    expect(bag.data[0]).toBeCloseTo(0.04, 6); // CT 40 HU / 1000
    expect(bag.data[cube]).toBeCloseTo((8 * 4) / 70, 6); // dose at k = 8, in units of 70 Gy
    expect(bag.data[2 * cube]).toBe(1); // salivary mask channel
    expect(bag.data[3 * cube]).toBe(0); // swallowing mask channel: no such organ
  });

  it('drops cubes outside the body and spreads attention back onto the dose grid', () => {
    const body = new Uint8Array(size);
    for (let n = 0; n < size; n++) if (n % grid.columns < 8) body[n] = 1; // only i = 0..7 is body
    const bag = samplePatches({ doseGrid: grid, doseGy, ctHu, bodyMask: body, organMasks: new Map() });
    expect(bag.count).toBe(4);
    const map = attentionToRiskMap(bag, [0.1, 0.2, 0.3, 0.4], grid);
    const at = (i: number, j: number, k: number) => map[i + grid.columns * (j + grid.rows * k)];
    const [i0, j0, k0] = bag.cornersIjk[3];
    expect(at(i0, j0, k0)).toBe(1);
    expect(at(20, 0, 0)).toBe(0);
  });
});
