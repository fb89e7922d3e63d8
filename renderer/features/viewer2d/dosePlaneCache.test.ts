import { describe, expect, it } from 'vitest';
import { extractPlane } from '../../imaging/extractPlane';
import { marchingSquares } from '../../imaging/marchingSquares';
import { dosePlaneAt } from './dosePlaneCache';
import type { LoadedVolume } from './viewerTypes';

// 4 × 3 × 5 dose grid, 2 mm voxels, axis-aligned at the origin; dose = column + 10·slice Gy
function doseVolume(): LoadedVolume {
  const values = new Float32Array(4 * 3 * 5);
  for (let k = 0; k < 5; k++) for (let j = 0; j < 3; j++) for (let i = 0; i < 4; i++) values[i + 4 * (j + 3 * k)] = i + 10 * k;
  return {
    volumeId: 'dose', values, frameOfReferenceUid: 'f', valueRange: [0, 43],
    geometry: { dimensions: [4, 3, 5], spacingMm: [2, 2, 2], originMm: [0, 0, 0], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1], sliceOffsetsMm: [0, 2, 4, 6, 8] },
  };
}
const axial = [0, 0, 1];

describe('dosePlaneAt', () => {
  it('gives extractPlane\'s cut and marchingSquares\' isodose lines, and the same entry again for the same plane', () => {
    const dose = doseVolume();
    const a = dosePlaneAt(dose, axial, [1, 1, 4])!;
    const expected = extractPlane(dose.geometry, dose.values, axial, [1, 1, 4])!;
    // slice 2: dose = column + 20 Gy
    expect(Array.from(a.plane.field)).toEqual(Array.from(expected.field));
    expect(a.plane.field[3]).toBe(23);
    expect(Array.from(a.isodose(21.5))).toEqual(Array.from(marchingSquares(expected.field, expected.width, expected.height, 21.5)));
    expect(a.isodose(21.5)).toBe(a.isodose(21.5));
    // another point in the same plane (only in-plane coordinates differ): the cached entry
    expect(dosePlaneAt(dose, axial, [5, 3, 4])).toBe(a);
    // another depth: another plane (between slices 2 and 3: dose = column + 25 Gy)
    const b = dosePlaneAt(dose, axial, [1, 1, 5])!;
    expect(b).not.toBe(a);
    expect(b.plane.field[0]).toBeCloseTo(25, 5);
  });

  it('returns null outside the volume, like extractPlane', () => {
    expect(dosePlaneAt(doseVolume(), axial, [1, 1, 20])).toBeNull();
  });
});
