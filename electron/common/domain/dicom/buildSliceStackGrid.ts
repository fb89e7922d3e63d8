import type { Vec3, VoxelGrid } from '../rt';
import { dot, orientationVectors, subtract } from './vectorMath';

/** The geometry one image slice contributes (from its header), patient LPS mm. */
export interface SliceGeometry {
  readonly imagePositionMm: Vec3;
  /** ImageOrientationPatient: row direction then column direction */
  readonly imageOrientation: readonly number[];
  /** PixelSpacing: [row spacing, column spacing] mm */
  readonly pixelSpacingMm: readonly [number, number];
  readonly rows: number;
  readonly columns: number;
}

export interface SliceStack {
  readonly grid: VoxelGrid;
  /** order[k] = index (in the input array) of the slice at grid slice k */
  readonly order: readonly number[];
  readonly warnings: readonly string[];
}

const TOLERANCE_MM = 0.01;

/**
 * Builds the VoxelGrid of a stack of single-frame images of any orientation (HFS, HFP, FFS, FFP, decubitus):
 * slices are sorted by their position projected on the slice normal (row × column), the origin is the first
 * slice's ImagePositionPatient and the offsets are measured along the normal, so they ascend. Non-uniform
 * spacing is kept (offsets are per slice) and reported; mixed orientations, sizes or in-plane shifts (gantry
 * tilt) cannot be represented on one grid and throw.
 */
export function buildSliceStackGrid(slices: readonly SliceGeometry[]): SliceStack {
  if (slices.length === 0) throw new Error('no image slices');
  const first = slices[0];
  const { row, column, normal } = orientationVectors(first.imageOrientation);
  for (const slice of slices) {
    const o = orientationVectors(slice.imageOrientation);
    if (Math.abs(dot(o.row, row) - 1) > 1e-4 || Math.abs(dot(o.column, column) - 1) > 1e-4) {
      throw new Error('slices of the series have different ImageOrientationPatient');
    }
    if (slice.rows !== first.rows || slice.columns !== first.columns) {
      throw new Error('slices of the series have different Rows/Columns');
    }
    if (Math.abs(slice.pixelSpacingMm[0] - first.pixelSpacingMm[0]) > 1e-4
      || Math.abs(slice.pixelSpacingMm[1] - first.pixelSpacingMm[1]) > 1e-4) {
      throw new Error('slices of the series have different PixelSpacing');
    }
  }
  const projected = slices.map((s) => dot(s.imagePositionMm, normal));
  const order = slices.map((_, i) => i).sort((a, b) => projected[a] - projected[b]);
  const origin = slices[order[0]].imagePositionMm;
  const warnings: string[] = [];

  for (const index of order) {
    const delta = subtract(slices[index].imagePositionMm, origin);
    const inPlane = Math.hypot(dot(delta, row), dot(delta, column));
    if (inPlane > TOLERANCE_MM) {
      throw new Error(`slice positions shift by ${inPlane.toFixed(2)} mm in the image plane (gantry tilt?)`);
    }
  }
  const offsets = order.map((index) => projected[index] - projected[order[0]]);
  for (let k = 1; k < offsets.length; k++) {
    if (offsets[k] - offsets[k - 1] < TOLERANCE_MM) {
      throw new Error(`two slices at the same position (${offsets[k].toFixed(2)} mm along the slice normal)`);
    }
  }
  const gaps = offsets.slice(1).map((o, k) => o - offsets[k]);
  if (gaps.length > 1) {
    const min = Math.min(...gaps);
    const max = Math.max(...gaps);
    if (max - min > 0.01) {
      warnings.push(`non-uniform slice spacing: ${min.toFixed(2)} to ${max.toFixed(2)} mm`);
    }
  }
  const grid: VoxelGrid = {
    columns: first.columns,
    rows: first.rows,
    slices: slices.length,
    originMm: origin,
    rowDirection: row,
    columnDirection: column,
    sliceDirection: normal,
    columnSpacingMm: first.pixelSpacingMm[1],
    rowSpacingMm: first.pixelSpacingMm[0],
    sliceOffsetsMm: offsets,
  };
  return { grid, order, warnings };
}
