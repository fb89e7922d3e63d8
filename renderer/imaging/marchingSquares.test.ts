import { describe, expect, it } from 'vitest';
import { marchingSquares } from './marchingSquares';

function planeField(width: number, height: number, f: (i: number, j: number) => number): Float32Array {
  const field = new Float32Array(width * height);
  for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) field[i + width * j] = f(i, j);
  return field;
}

describe('marchingSquares', () => {
  it('puts every point of the isoline of a linear field exactly on the level (interpolation is exact)', () => {
    const f = (i: number, j: number) => 3 * i + 2 * j;
    const segments = marchingSquares(planeField(12, 9, f), 12, 9, 17.5);
    expect(segments.length).toBeGreaterThan(0);
    for (let p = 0; p < segments.length; p += 2) expect(f(segments[p], segments[p + 1])).toBeCloseTo(17.5, 4);
  });

  it('draws a closed ring around a peak: one segment per crossed cell, ends meeting', () => {
    const width = 21;
    const field = planeField(width, width, (i, j) => 10 - Math.hypot(i - 10, j - 10));
    const segments = marchingSquares(field, width, width, 5.3); // 5.3: no grid point lies exactly on the level
    // every endpoint lies close to radius 10 − 5.3 = 4.7 (a cone is linear along grid edges only approximately: 0.15 voxel)
    for (let p = 0; p < segments.length; p += 2) expect(Math.abs(Math.hypot(segments[p] - 10, segments[p + 1] - 10) - 4.7)).toBeLessThan(0.15);
    // a closed curve: every endpoint is shared by exactly two segments
    const counts = new Map<string, number>();
    for (let p = 0; p < segments.length; p += 2) {
      const key = `${segments[p].toFixed(4)},${segments[p + 1].toFixed(4)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(n).toBe(2);
  });

  it('returns nothing when the level is outside the field', () => {
    expect(marchingSquares(planeField(4, 4, () => 1), 4, 4, 2).length).toBe(0);
  });
});
