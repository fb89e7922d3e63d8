import type { VolumeDescriptor, VolumeKind } from '../../common/api';
import { rasteriseRoiOnGrid } from '../../common/domain/features/rasteriseRoiOnGrid';
import type { Vec3, VoxelGrid } from '../../common/domain/rt/geometry';
import { cropGridToRoi } from './cropGridToRoi';
import { describeVolume } from './describeVolume';
import type { RtPlanBundle } from '../../common/domain/rt/rtTypes';

/** A worst-dose point: patient LPS mm, Gy, and the CT slice nearest to it. */
export interface WorstDosePoint {
  positionMm: [number, number, number];
  doseGy: number;
  ctSliceIndex: number | null;
}

/**
 * What the review screen needs from a plan's DICOM files (CT, dose, structure set) rather than from the
 * database: voxel volumes as raw bytes with their descriptors, ROI colours and contours, and where each
 * structure gets its extreme dose. Built from one RtPlanBundle, read once and cached by the caller.
 */
export class PlanImaging {
  private readonly worstPoints = new Map<string, WorstDosePoint | null>();

  constructor(private readonly planId: string, readonly bundle: RtPlanBundle) {}

  descriptor(kind: VolumeKind): VolumeDescriptor | null {
    const { ct, dose } = this.bundle;
    if (kind === 'ct' && ct?.hounsfield) {
      return describe(this.planId, 'ct', ct.grid, 'int16', 'HU', ct.hounsfield, ct.frameOfReferenceUid);
    }
    if (kind === 'dose' && dose) {
      return describe(this.planId, 'dose', dose.grid, 'float32', dose.units === 'GY' ? 'Gy' : 'relative', dose.dose, dose.frameOfReferenceUid);
    }
    return null;
  }

  /** Little-endian bytes in the descriptor's layout (typed arrays are little-endian on every platform we ship). */
  bytes(kind: VolumeKind): Uint8Array | null {
    if (kind === 'ct' && this.bundle.ct?.hounsfield) return asBytes(this.bundle.ct.hounsfield);
    if (kind === 'dose' && this.bundle.dose) return asBytes(this.bundle.dose.dose);
    return null;
  }

  colourOf(roiNumber: number): [number, number, number] | null {
    const roi = this.bundle.structureSet?.rois.find((r) => r.roiNumber === roiNumber);
    return roi?.colorRgb ? [roi.colorRgb[0], roi.colorRgb[1], roi.colorRgb[2]] : null;
  }

  contoursOf(roiNumber: number): number[][] {
    const roi = this.bundle.structureSet?.rois.find((r) => r.roiNumber === roiNumber);
    return roi ? roi.contours.map((c) => Array.from(c.pointsMm)) : [];
  }

  /**
   * The dose-grid voxel inside the ROI with the highest dose (upper limits, `<=`) or the lowest (lower limits,
   * `>=`), with its centre in patient LPS mm. Null when there is no dose or the ROI covers no voxel centre.
   */
  worstDosePoint(roiNumber: number, comparator: '<=' | '>='): WorstDosePoint | null {
    const key = `${roiNumber}${comparator}`;
    if (!this.worstPoints.has(key)) this.worstPoints.set(key, this.findWorstDosePoint(roiNumber, comparator));
    return this.worstPoints.get(key) ?? null;
  }

  private findWorstDosePoint(roiNumber: number, comparator: '<=' | '>='): WorstDosePoint | null {
    const roi = this.bundle.structureSet?.rois.find((r) => r.roiNumber === roiNumber);
    const dose = this.bundle.dose;
    if (!roi || roi.isPoint || !dose) return null;
    const g = dose.grid;
    const crop = cropGridToRoi(roi, g);
    if (!crop) return null;
    const mask = rasteriseRoiOnGrid(roi, crop.grid);
    const [ci, cj, ck] = crop.offset;
    const { columns, rows } = crop.grid;
    let best = -1;
    for (let m = 0; m < mask.length; m++) {
      if (!mask[m]) continue;
      const n = (ci + (m % columns)) + g.columns * ((cj + (Math.floor(m / columns) % rows)) + g.rows * (ck + Math.floor(m / (columns * rows))));
      if (best < 0 || (comparator === '<=' ? dose.dose[n] > dose.dose[best] : dose.dose[n] < dose.dose[best])) best = n;
    }
    if (best < 0) return null;
    const i = best % g.columns;
    const j = Math.floor(best / g.columns) % g.rows;
    const k = Math.floor(best / (g.columns * g.rows));
    const positionMm = voxelCentreMm(g, i, j, k);
    return { positionMm, doseGy: dose.dose[best], ctSliceIndex: this.nearestCtSlice(positionMm) };
  }

  /** Index of the CT slice whose plane is nearest to a patient point. */
  nearestCtSlice(pointMm: Vec3): number | null {
    const ct = this.bundle.ct;
    if (!ct || ct.grid.slices === 0) return null;
    const g = ct.grid;
    const along = (pointMm[0] - g.originMm[0]) * g.sliceDirection[0] + (pointMm[1] - g.originMm[1]) * g.sliceDirection[1]
      + (pointMm[2] - g.originMm[2]) * g.sliceDirection[2];
    let nearest = 0;
    for (let k = 1; k < g.slices; k++) {
      if (Math.abs(g.sliceOffsetsMm[k] - along) < Math.abs(g.sliceOffsetsMm[nearest] - along)) nearest = k;
    }
    return nearest;
  }
}

function voxelCentreMm(g: VoxelGrid, i: number, j: number, k: number): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    out[a] = g.originMm[a] + i * g.columnSpacingMm * g.rowDirection[a] + j * g.rowSpacingMm * g.columnDirection[a]
      + g.sliceOffsetsMm[k] * g.sliceDirection[a];
  }
  return out;
}

function asBytes(values: Int16Array | Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function describe(planId: string, kind: VolumeKind, g: VoxelGrid, dataType: 'int16' | 'float32', unit: VolumeDescriptor['unit'],
  values: Int16Array | Float32Array, frameOfReferenceUid: string): VolumeDescriptor {
  let min = Infinity;
  let max = -Infinity;
  for (let n = 0; n < values.length; n++) {
    const v = values[n];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return describeVolume(planId, kind, g, { dataType, unit, byteLength: values.byteLength, valueRange: values.length ? [min, max] : [0, 0] }, frameOfReferenceUid);
}
