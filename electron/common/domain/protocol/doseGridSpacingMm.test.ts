import { describe, expect, it } from 'vitest';
import type { VoxelGrid } from '../rt/geometry';
import { doseGridSpacingMm } from './doseGridSpacingMm';

const grid = (columnSpacingMm: number, rowSpacingMm: number, sliceOffsetsMm: number[]): VoxelGrid => ({
  columns: 4, rows: 4, slices: sliceOffsetsMm.length, originMm: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0],
  sliceDirection: [0, 0, 1], columnSpacingMm, rowSpacingMm, sliceOffsetsMm,
});

describe('doseGridSpacingMm: the coarsest spacing of the grid', () => {
  it('in-plane spacing when it is the largest', () => expect(doseGridSpacingMm(grid(2.5, 3, [0, 2, 4]))).toBe(3));
  it('the largest gap of non-uniform slice offsets, in either direction', () => {
    expect(doseGridSpacingMm(grid(2, 2, [0, 2.5, 6.5, 9]))).toBe(4);
    expect(doseGridSpacingMm(grid(2, 2, [0, -3, -5]))).toBe(3);
  });
  it('a single slice reports the in-plane maximum', () => expect(doseGridSpacingMm(grid(2, 2.5, [0]))).toBe(2.5));
});
