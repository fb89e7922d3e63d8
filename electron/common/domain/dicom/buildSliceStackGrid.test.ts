import { describe, expect, it } from 'vitest';
import type { SliceGeometry } from './buildSliceStackGrid';
import { buildSliceStackGrid } from './buildSliceStackGrid';

const slice = (position: [number, number, number], orientation = [1, 0, 0, 0, 1, 0]): SliceGeometry => ({
  imagePositionMm: position, imageOrientation: orientation, pixelSpacingMm: [1, 1], rows: 2, columns: 2,
});

describe('buildSliceStackGrid', () => {
  it('sorts by position along the normal and keeps non-uniform offsets, with a warning', () => {
    const stack = buildSliceStackGrid([slice([0, 0, 5]), slice([0, 0, -1]), slice([0, 0, 2])]);
    expect(stack.order).toEqual([1, 2, 0]);
    expect(stack.grid.originMm).toEqual([0, 0, -1]);
    expect(stack.grid.sliceOffsetsMm).toEqual([0, 3, 6]);
    expect(stack.warnings).toEqual([]);
    const gappy = buildSliceStackGrid([slice([0, 0, 0]), slice([0, 0, 2]), slice([0, 0, 6])]);
    expect(gappy.warnings).toEqual(['non-uniform slice spacing: 2.00 to 4.00 mm']);
  });

  it('refuses what one grid cannot hold: gantry tilt, duplicate positions, mixed orientations', () => {
    expect(() => buildSliceStackGrid([slice([0, 0, 0]), slice([0, 1, 2])])).toThrow(/shift by 1\.00 mm in the image plane/);
    expect(() => buildSliceStackGrid([slice([0, 0, 0]), slice([0, 0, 0])])).toThrow(/two slices at the same position/);
    expect(() => buildSliceStackGrid([slice([0, 0, 0]), slice([0, 0, 2], [-1, 0, 0, 0, 1, 0])])).toThrow(/different ImageOrientationPatient/);
  });
});
