import { describe, expect, it } from 'vitest';
import { buildContourPlanes, cutIntervals, planeAt } from './contourPlanes';

// a 20 × 10 mm rectangle with a 4 × 4 mm square hole, on planes z = 0, 3, 6 mm
const square = (x0: number, y0: number, w: number, h: number, z: number) => [x0, y0, z, x0 + w, y0, z, x0 + w, y0 + h, z, x0, y0 + h, z];

describe('contourPlanes', () => {
  const planes = buildContourPlanes('s', [0, 3, 6].flatMap((z) => [square(0, 0, 20, 10, z), square(8, 3, 4, 4, z)]));

  it('groups polygons by plane and takes the plane spacing (3 mm)', () => {
    expect(planes.planeZsMm).toEqual([0, 3, 6]);
    expect(planes.polygonsXy[1]).toHaveLength(2);
    expect(planes.spacingMm).toBe(3);
  });

  it('finds the plane within half a spacing and nothing beyond', () => {
    expect(planeAt(planes, 4.4)).toBe(1);
    expect(planeAt(planes, 7.6)).toBe(-1);
  });

  it('cuts x = 10 mm through the hole: two intervals (0–3 mm and 7–10 mm along y)', () => {
    expect(cutIntervals(planes.polygonsXy[0], 0, 10)).toEqual([[0, 3], [7, 10]]);
  });

  it('cuts y = 1 mm below the hole: one interval 0–20 mm along x', () => {
    expect(cutIntervals(planes.polygonsXy[0], 1, 1)).toEqual([[0, 20]]);
  });
});
