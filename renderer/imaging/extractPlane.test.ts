import { describe, expect, it } from 'vitest';
import { extractPlane } from './extractPlane';
import type { VolumeGeometry } from './volumeGeometry';

// 4 × 3 × 5 voxels, 2 × 3 × 2.5 mm, origin (−10, 20, 100), axial head-first-supine directions
const geometry: VolumeGeometry = { dimensions: [4, 3, 5], spacingMm: [2, 3, 2.5], originMm: [-10, 20, 100], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] };
// value = 100·k + 10·j + i, linear in every index, so interpolation between planes is exact
const values = new Float32Array(4 * 3 * 5);
for (let k = 0; k < 5; k++) for (let j = 0; j < 3; j++) for (let i = 0; i < 4; i++) values[i + 4 * (j + 3 * k)] = 100 * k + 10 * j + i;

describe('extractPlane', () => {
  it('cuts an axial plane halfway between two slices by linear interpolation', () => {
    const plane = extractPlane(geometry, values, [0, 0, 1], [0, 0, 100 + 2.5 * 1.5])!;
    expect([plane.width, plane.height]).toEqual([4, 3]);
    expect(plane.field[2 + 4 * 1]).toBeCloseTo(150 + 10 + 2, 5);
    expect(plane.toWorld(2, 1)).toEqual([-10 + 4, 20 + 3, 103.75]);
  });

  it('cuts a sagittal plane (normal along x) on grid column i = 3', () => {
    const plane = extractPlane(geometry, values, [1, 0, 0], [-10 + 6, 0, 0])!;
    expect([plane.width, plane.height]).toEqual([3, 5]);
    // u runs along j, v along k
    expect(plane.field[1 + 3 * 4]).toBe(400 + 10 + 3);
  });

  it('returns null for a point beyond the volume along the normal', () => {
    expect(extractPlane(geometry, values, [0, 0, 1], [0, 0, 90])).toBeNull();
  });
});
