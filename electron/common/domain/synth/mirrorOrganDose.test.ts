import { describe, expect, it } from 'vitest';
import type { VoxelGrid } from '../rt';
import { mirrorOrganDoseCraniocaudally } from './mirrorOrganDose';
import { rasterizeShape } from './rasterizeShape';
import type { Shape } from './shapes';

/**
 * A 3 mm grid with a dose that rises 0.5 Gy per mm towards the feet (10 Gy at the organ's mid-height) and an
 * ellipsoid organ whose mid-height lies on a dose plane. Linear interpolation of a linear field is exact, so
 * inside the organ the mirrored dose is exactly 10 − 0.5·(z − zMid): the organ's dose values are the same set
 * (its DVH is unchanged) and its cranial and caudal half means trade places. Tolerances are float32 rounding.
 */
const SPACING_MM = 3;
const N = 31;
const grid: VoxelGrid = {
  columns: N, rows: N, slices: N, originMm: [-45, -45, -45],
  rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
  columnSpacingMm: SPACING_MM, rowSpacingMm: SPACING_MM, sliceOffsetsMm: Array.from({ length: N }, (_, k) => k * SPACING_MM),
};
const organ: Shape = { kind: 'ellipsoid', centreMm: [0, 0, 0], radiiMm: [13, 16, 22] };
const zOf = (p: number) => grid.originMm[2] + Math.floor(p / (N * N)) * SPACING_MM;
const linearDose = () => Float32Array.from({ length: N * N * N }, (_, p) => 10 - 0.5 * zOf(p));
const mask = rasterizeShape(organ, grid);
const inside = (dose: Float32Array, keep: (z: number) => boolean) => Array.from(dose).filter((_, p) => mask[p] && keep(zOf(p)));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('mirrorOrganDoseCraniocaudally', () => {
  const farFromTargets = new Float32Array(N * N * N).fill(100);
  const before = linearDose();
  const after = linearDose();
  mirrorOrganDoseCraniocaudally(after, grid, organ, farFromTargets);

  it('keeps the organ dose values (its DVH) and mirrors them about mid-height', () => {
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const b = sorted(inside(before, () => true)), a = sorted(inside(after, () => true));
    expect(a.length).toBeGreaterThan(100);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 4));
    for (let p = 0; p < after.length; p++) if (mask[p]) expect(after[p]).toBeCloseTo(10 + 0.5 * zOf(p), 4);
  });

  it('swaps the cranial and caudal half means', () => {
    expect(mean(inside(after, (z) => z > 0))).toBeCloseTo(mean(inside(before, (z) => z < 0)), 4);
    expect(mean(inside(after, (z) => z > 0))).toBeGreaterThan(mean(inside(before, (z) => z > 0)) + 5);
  });

  it('leaves voxels beyond the blend shell and voxels in a target unchanged', () => {
    const far = (p: number) => Math.abs(zOf(p)) > 22 + 8 + SPACING_MM;
    for (let p = 0; p < after.length; p++) if (far(p)) expect(after[p]).toBe(before[p]);
    const inTarget = new Float32Array(N * N * N).fill(0);
    const guarded = linearDose();
    mirrorOrganDoseCraniocaudally(guarded, grid, organ, inTarget);
    expect(Array.from(guarded)).toEqual(Array.from(before));
  });
});
