import { describe, expect, it } from 'vitest';
import type { Roi } from '../rt/rtTypes';
import type { VoxelGrid } from '../rt/geometry';
import { attentionToRiskMap } from './attentionToRiskMap';
import { MAX_PATCHES, PATCH_ANCHOR_NAMES, PATCH_CHANNELS, PATCH_SIZE_VOXELS } from './featureSpec';
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
  const firstColumn = () => rasteriseRoiOnGrid(boxRoi(-1, 15, -1, 15), grid); // i, j = 0..7, every slice
  const cube = PATCH_SIZE_VOXELS ** 3;
  const channel = (name: string) => PATCH_CHANNELS.findIndex((c) => c.name === name);

  it('tiles the body: mask-touching and high-dose cubes first, channels in spec order', () => {
    // the larynx is a swallowing-group organ but anchors no patch: only tiles
    const bag = samplePatches({ doseGrid: grid, doseGy, ctHu, bodyMask: new Uint8Array(size).fill(1), organMasks: new Map([['Larynx', firstColumn()]]) });
    expect(bag.count).toBe(3 * 2 * 2); // 24/8 × 16/8 × 16/8 cubes, all below MAX_PATCHES
    expect(bag.count).toBeLessThanOrEqual(MAX_PATCHES);
    expect(bag.channels).toBe(PATCH_CHANNELS.length);
    expect(Array.from(bag.anchorIds)).toEqual(new Array(12).fill(0));
    // the two larynx cubes rank first (score +1), the upper one (k0 = 8, higher dose) before the lower
    expect(bag.cornersIjk.slice(0, 2)).toEqual([[0, 0, 8], [0, 0, 0]]);
    expect(bag.data[0]).toBeCloseTo(0.04, 6); // CT 40 HU / 1000
    expect(bag.data[cube]).toBeCloseTo((8 * 4) / 70, 6); // dose at k = 8, in units of 70 Gy
    expect(bag.data[channel('anchorMask') * cube]).toBe(0); // a tile has no anchor organ
    expect(bag.data[channel('swallowingMask') * cube]).toBe(1);
    expect(bag.data[channel('salivaryMask') * cube]).toBe(0); // no salivary organ
  });

  it('anchors one cube on the cranial and one on the caudal half of each anchor organ, before the tiles', () => {
    // Parotid_L fills i, j = 0..7 on all 16 slices (z = 0..30 mm): mid-height 15 mm, so the cranial half is
    // k = 8..15 (centroid k 11.5 → corner 8) and the caudal half k = 0..7 (centroid 3.5 → corner 0)
    const bag = samplePatches({ doseGrid: grid, doseGy, ctHu, bodyMask: new Uint8Array(size).fill(1), organMasks: new Map([['Parotid_L', firstColumn()]]) });
    expect(bag.count).toBe(2 + 12);
    expect(Array.from(bag.anchorIds.slice(0, 3))).toEqual([PATCH_ANCHOR_NAMES.indexOf('Parotid_L:cranial'), PATCH_ANCHOR_NAMES.indexOf('Parotid_L:caudal'), 0]);
    expect(bag.cornersIjk.slice(0, 2)).toEqual([[0, 0, 8], [0, 0, 0]]);
    const perPatch = PATCH_CHANNELS.length * cube;
    expect(bag.data[channel('anchorMask') * cube]).toBe(1);
    expect(bag.data[perPatch + channel('dose_per70Gy') * cube]).toBe(0); // caudal cube starts at k = 0: 0 Gy
    // overlapping patches: a voxel keeps the larger attention (cranial cube and the first tile share voxels)
    const weights = Array.from({ length: bag.count }, (_, n) => (n === 0 ? 0.5 : 0.1));
    const map = attentionToRiskMap(bag, weights, grid);
    expect(map[0 + grid.columns * (0 + grid.rows * 8)]).toBe(1);
    expect(map[0]).toBeCloseTo(0.2, 6);
  });

  it("fills the anchor-mask channel with the anchored half of the organ only", () => {
    // an organ on k = 4..11 (z = 8..22 mm, mid-height 15 mm): the cranial half is k = 8..11, centroid 9.5, so
    // its cube spans k = 6..13 and holds caudal-half voxels (k = 6, 7) that must not count in its mask
    const organ = new Uint8Array(size);
    for (let k = 4; k < 12; k++) for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) organ[i + grid.columns * (j + grid.rows * k)] = 1;
    const bag = samplePatches({ doseGrid: grid, doseGy, ctHu, bodyMask: new Uint8Array(size).fill(1), organMasks: new Map([['Parotid_L', organ]]) });
    expect(bag.cornersIjk[0]).toEqual([0, 0, 6]);
    const slice = PATCH_SIZE_VOXELS * PATCH_SIZE_VOXELS;
    const anchor = channel('anchorMask') * cube;
    const maskOnLocalSlice = (patch: number, dk: number) => bag.data[patch * PATCH_CHANNELS.length * cube + anchor + dk * slice];
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((dk) => maskOnLocalSlice(0, dk))).toEqual([0, 0, 1, 1, 1, 1, 0, 0]); // k = 8..11 only
    // the caudal cube (centroid k 5.5 → k = 2..9) holds k = 4..7 only
    expect(bag.cornersIjk[1]).toEqual([0, 0, 2]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((dk) => maskOnLocalSlice(1, dk))).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
  });

  it('pads an anchored cube that reaches outside the grid with air, no dose and no mask', () => {
    // a one-slice organ at the top slice (k = 15, z = 30 mm): the cube centred there spans k = 11.5..19.5
    const top = new Uint8Array(size);
    for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) top[i + grid.columns * (j + grid.rows * 15)] = 1;
    const bag = samplePatches({ doseGrid: grid, doseGy, ctHu, bodyMask: new Uint8Array(size).fill(1), organMasks: new Map([['SpinalCord', top]]) });
    expect(bag.anchorIds[0]).toBe(PATCH_ANCHOR_NAMES.indexOf('SpinalCord:cranial'));
    const [, , k0] = bag.cornersIjk[0];
    expect(k0).toBe(12);
    const last = PATCH_SIZE_VOXELS - 1; // dk = 7 → k = 19, outside the 16 slices
    const local = PATCH_SIZE_VOXELS * PATCH_SIZE_VOXELS * last;
    expect(bag.data[local]).toBe(-1);
    expect(bag.data[cube + local]).toBe(0);
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
