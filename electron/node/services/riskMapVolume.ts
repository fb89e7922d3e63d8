import type { VolumeDescriptor } from '../../common/api';
import type { Db } from '../store/openDatabase';
import { listRiskMaps, readRiskMapBytes, type RiskMapSummary } from '../store/repositories/riskMapRepository';
import { describeVolume } from './describeVolume';

/** How far (mm) the stored map's grid may sit from the dose grid's before it is refused as another grid. */
const GRID_TOLERANCE_MM = 1e-3;

/**
 * The review screen's risk volume: the plan's newest stored risk map (`rtqa predict --store`), described on its
 * stored grid — the dose grid at prediction time — and served from the database by the voxel routes like the
 * dose. When the plan's dose grid is known (its DICOM files were read) and the stored grid is not that grid (the
 * dose was replaced since), the map is not offered and `warning` says why: a map on another grid would be drawn
 * in the wrong place.
 */
export function riskMapVolume(db: Db, planId: number, dose: VolumeDescriptor | null): { descriptor: VolumeDescriptor | null; warning: string | null } {
  const map = listRiskMaps(db, planId)[0];
  if (!map) return { descriptor: null, warning: null };
  const descriptor = describeVolume(String(planId), 'risk', map.grid, {
    dataType: 'float32', unit: 'relative', byteLength: map.voxelCount * 4, valueRange: [map.minValue, map.maxValue],
  }, dose?.frameOfReferenceUid ?? null);
  const mismatch = dose ? gridMismatch(descriptor, dose) : null;
  if (mismatch) {
    return { descriptor: null, warning: `the stored risk map (${map.modelName} ${map.modelVersion}) is not on this plan's dose grid (${mismatch}): run rtqa predict --store again` };
  }
  return { descriptor, warning: null };
}

/** The Float32 bytes of the plan's newest stored risk map, or null when it has none. */
export function riskMapBytes(db: Db, planId: number): Uint8Array | null {
  const map: RiskMapSummary | undefined = listRiskMaps(db, planId)[0];
  return map ? readRiskMapBytes(db, map.id) : null;
}

function gridMismatch(risk: VolumeDescriptor, dose: VolumeDescriptor): string | null {
  if (risk.dims.some((d, a) => d !== dose.dims[a])) return `${risk.dims.join('×')} voxels, dose ${dose.dims.join('×')}`;
  const vectors: [string, readonly number[], readonly number[]][] = [
    ['origin', risk.originMm, dose.originMm], ['spacing', risk.spacingMm, dose.spacingMm],
    ['row direction', risk.rowDirection, dose.rowDirection], ['column direction', risk.columnDirection, dose.columnDirection],
    ['slice planes', risk.sliceOffsetsMm, dose.sliceOffsetsMm],
  ];
  for (const [name, a, b] of vectors) {
    if (a.length !== b.length || a.some((v, n) => Math.abs(v - b[n]) > GRID_TOLERANCE_MM)) return `${name} differs`;
  }
  return null;
}
