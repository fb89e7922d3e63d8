import { describe, expect, it } from 'vitest';
import { sampleAlignedPlane, sampleAnyPlane, sampleCtPlane, type PlaneSampling } from './sampleCtPlane';

// 3 columns × 2 rows × 2 slices; value = i + 10·j + 100·k HU, so a trilinear sample at (i, j, k) is exactly
// i + 10·j + 100·k (the field is linear) wherever (i, j, k) lies inside the grid
const dimensions: [number, number, number] = [3, 2, 2];
const linear = new Int16Array(12);
for (let k = 0; k < 2; k++) for (let j = 0; j < 2; j++) for (let i = 0; i < 3; i++) linear[i + 3 * (j + 2 * k)] = i + 10 * j + 100 * k;
// window 0…255 HU: grey = round(HU)
const identity = { lowerHu: 0, upperHu: 255 };

/** grey level (R) of each pixel, and alpha of pixel 0 */
function draw(width: number, height: number, sampling: PlaneSampling, window = identity, values: Int16Array = linear) {
  const out = new Uint8ClampedArray(width * height * 4);
  sampleCtPlane(out, width, height, values, dimensions, sampling, window);
  return { grey: Array.from({ length: width * height }, (_, p) => out[p * 4]), rgba: out };
}

describe('sampleCtPlane', () => {
  it('interpolates HU trilinearly at the pixel centres, then windows and rounds (an axial row)', () => {
    // pixels at i = 0, 0.75, 1.5 on row j = 0.5 of slice k = 0: HU 5, 5.75, 6.5
    const { grey, rgba } = draw(3, 1, { originIndex: [0, 0.5, 0], stepX: [0.75, 0, 0], stepY: [0, 1, 0] });
    expect(grey).toEqual([5, 6, 7]);
    expect(Array.from(rgba.subarray(0, 4))).toEqual([5, 5, 5, 255]);
  });

  it('interpolates between slices when the plane lies between them (a sagittal column through k = 0.25)', () => {
    // pixels at j = 0.5, k = 0.25 and 0.75 on column i = 1: HU 1 + 5 + 25 = 31 and 1 + 5 + 75 = 81
    const { grey } = draw(1, 2, { originIndex: [1, 0.5, 0.25], stepX: [0, 1, 0], stepY: [0, 0, 0.5] });
    expect(grey).toEqual([31, 81]);
  });

  it('paints pixels outside the voxel-centre bounds black and keeps the last voxel exact', () => {
    // i = −0.1 (outside), 0, 2 (last voxel centre, inside), 2.1 (outside) on row j = 1 of slice 1: HU −, 110, 112, −
    const { grey, rgba } = draw(4, 1, { originIndex: [-0.1, 1, 1], stepX: [0.1, 0, 0], stepY: [0, 1, 0] }, identity);
    expect(grey[0]).toBe(0);
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0, 0, 0, 255]);
    expect(grey[1]).toBe(110);
    const edge = draw(2, 1, { originIndex: [2, 1, 1], stepX: [0.1, 0, 0], stepY: [0, 1, 0] });
    expect(edge.grey).toEqual([112, 0]);
  });

  it('maps the window linearly onto 0…255 and clamps outside it (window 100…120 HU)', () => {
    // HU 100, 105, 110 down column i = 0 of slice 1: grey 0, 63.75 → 64, 127.5 → 128
    const window = { lowerHu: 100, upperHu: 120 };
    const { grey } = draw(3, 1, { originIndex: [0, 0, 1], stepX: [0, 0.5, 0], stepY: [0, 0, 1] }, window);
    expect(grey).toEqual([0, 64, 128]);
    const clamped = draw(2, 1, { originIndex: [0, 0, 0], stepX: [2, 1, 1], stepY: [0, 0, 1] }, window);
    // an oblique step: HU 0 (below the window) → 0; HU 2 + 10 + 100 = 112 → 12 · 255 / 20 = 153
    expect(clamped.grey).toEqual([0, 153]);
  });

  it('the per-row/column path for grid-aligned planes gives the per-pixel result (random HU, axial, sagittal, coronal)', () => {
    const dims: [number, number, number] = [9, 7, 5];
    const values = new Int16Array(9 * 7 * 5);
    let seed = 12345;
    for (let n = 0; n < values.length; n++) { seed = (seed * 1103515245 + 12345) % 2 ** 31; values[n] = (seed % 2400) - 1000; }
    const window = { lowerHu: -160, upperHu: 240 };
    const cases: PlaneSampling[] = [
      { originIndex: [-0.7, -0.4, 2], stepX: [0.37, 0, 0], stepY: [0, 0.41, 0] },
      { originIndex: [4.3, -0.2, -0.3], stepX: [0, 0.29, 0], stepY: [0, 0, 0.23] },
      { originIndex: [-0.2, 3, 4.6], stepX: [0.33, 0, 0], stepY: [0, 0, -0.21] },
    ];
    for (const sampling of cases) {
      const a = new Uint8ClampedArray(30 * 26 * 4); const b = new Uint8ClampedArray(30 * 26 * 4);
      expect(sampleAlignedPlane(a, 30, 26, values, dims, sampling, window)).toBe(true);
      sampleAnyPlane(b, 30, 26, values, dims, sampling, window);
      // the two paths add the same terms in another order: equal up to a rounding flip at an exact half level
      let worst = 0;
      for (let n = 0; n < a.length; n++) worst = Math.max(worst, Math.abs(a[n] - b[n]));
      expect(worst).toBeLessThanOrEqual(1);
      expect(a.some((v, n) => n % 4 === 0 && v > 0 && v < 255)).toBe(true);
    }
  });

  it('leaves oblique planes to the per-pixel path', () => {
    const out = new Uint8ClampedArray(4 * 4);
    expect(sampleAlignedPlane(out, 2, 2, linear, dimensions, { originIndex: [0, 0, 0], stepX: [0.5, 0.5, 0], stepY: [0, 0, 1] }, identity)).toBe(false);
  });
});
