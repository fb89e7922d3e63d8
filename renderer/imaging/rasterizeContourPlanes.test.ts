import { describe, expect, it } from 'vitest';
import { buildContourPlanes } from './contourPlanes';
import { rasterizeContourPlanes } from './rasterizeContourPlanes';

describe('rasterizeContourPlanes', () => {
  it('fills a 20 × 10 mm rectangle on 3 planes with 1 mm pixels: 21 × 10 voxel centres on each plane', () => {
    const rect = (z: number) => [0, 0, z, 20, 0, z, 20, 10, z, 0, 10, z];
    const mask = rasterizeContourPlanes(buildContourPlanes('s', [rect(0), rect(2), rect(4)]), 1)!;
    let inside = 0;
    for (const v of mask.values) inside += v;
    // along x the intervals are closed (x = 0…20: 21 centres); along y the crossing rule is half-open, so the row on
    // the top edge y = 10 is outside (y = 0…9: 10 centres) — each boundary row counted once between neighbours
    expect(inside).toBe(3 * 21 * 10);
    expect(mask.dimensions[2]).toBe(5);
    expect(mask.originMm).toEqual([-1, -1, -2]);
  });
});
