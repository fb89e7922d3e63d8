import { describe, expect, it } from 'vitest';
import type { VoxelGrid } from '../rt';
import { continuousIndex, resampleDose, sampleTrilinear, voxelCentreMm } from './resampleDose';

const c = Math.cos(Math.PI / 6);
const s = Math.sin(Math.PI / 6);
/** a source grid rotated 30° about z, non-uniform decreasing slice offsets */
const source: VoxelGrid = {
  columns: 12, rows: 10, slices: 4, originMm: [-10, -12, 20],
  rowDirection: [c, s, 0], columnDirection: [-s, c, 0], sliceDirection: [0, 0, 1],
  columnSpacingMm: 2, rowSpacingMm: 2.5, sliceOffsetsMm: [0, -3, -4, -8],
};
const linear = (p: readonly number[]) => 3 + 0.4 * p[0] - 0.25 * p[1] + 0.1 * p[2];

function fieldOn(grid: VoxelGrid, f: (p: readonly number[]) => number): Float32Array {
  const values = new Float32Array(grid.columns * grid.rows * grid.slices);
  let n = 0;
  for (let k = 0; k < grid.slices; k++) for (let j = 0; j < grid.rows; j++) for (let i = 0; i < grid.columns; i++) {
    values[n++] = f(voxelCentreMm(grid, i, j, k));
  }
  return values;
}

describe('trilinear resampling in patient coordinates', () => {
  const field = { grid: source, values: fieldOn(source, linear) };

  it('reproduces a linear field exactly inside an oblique grid with uneven slice offsets', () => {
    // a point between voxel centres: i = 3.4, j = 5.7, between slices at −3 and −4 mm (fk = 1.25)
    const p = [0, 1, 2].map((d) => source.originMm[d] + 3.4 * 2 * source.rowDirection[d] + 5.7 * 2.5 * source.columnDirection[d]
      - 3.25 * source.sliceDirection[d]);
    expect(continuousIndex(source, p as [number, number, number])?.map((v) => Number(v.toFixed(9)))).toEqual([3.4, 5.7, 1.25]);
    expect(sampleTrilinear(field, p as [number, number, number])).toBeCloseTo(linear(p), 4);
  });

  it('resamples onto an axis-aligned grid: exact inside, zero and counted outside', () => {
    const target: VoxelGrid = {
      columns: 3, rows: 3, slices: 2, originMm: [-4, 0, 13], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0],
      sliceDirection: [0, 0, 1], columnSpacingMm: 1, rowSpacingMm: 1, sliceOffsetsMm: [0, 100],
    };
    const { values, outsideCount } = resampleDose(field, target);
    expect(outsideCount).toBe(9); // the second target slice (z = 113 mm) is beyond the source
    for (let n = 0; n < 9; n++) {
      const p = voxelCentreMm(target, n % 3, Math.floor(n / 3), 0);
      expect(values[n]).toBeCloseTo(linear(p), 4);
    }
    expect(Array.from(values.subarray(9))).toEqual(new Array(9).fill(0));
  });
});
