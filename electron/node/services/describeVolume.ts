import { voxelPath, type VolumeDescriptor, type VolumeKind } from '../../common/api';
import type { VoxelGrid } from '../../common/domain/rt/geometry';

/**
 * The API's descriptor of a plan volume on a DICOM voxel grid (patient LPS mm): where its bytes are served
 * (`/voxels/<planId>/<kind>`), their type and unit, and the grid's geometry with the exact slice planes.
 */
export function describeVolume(planId: string, kind: VolumeKind, g: VoxelGrid, values: {
  dataType: VolumeDescriptor['dataType']; unit: VolumeDescriptor['unit']; byteLength: number; valueRange: [number, number];
}, frameOfReferenceUid: string | null): VolumeDescriptor {
  const offsets = g.sliceOffsetsMm;
  const meanSliceMm = offsets.length > 1 ? Math.abs(offsets[offsets.length - 1] - offsets[0]) / (offsets.length - 1) : 1;
  return {
    kind, path: voxelPath(planId, kind), dataType: values.dataType, unit: values.unit,
    dims: [g.columns, g.rows, g.slices],
    spacingMm: [g.columnSpacingMm, g.rowSpacingMm, meanSliceMm],
    originMm: [...g.originMm], rowDirection: [...g.rowDirection], columnDirection: [...g.columnDirection],
    sliceDirection: [...g.sliceDirection], sliceOffsetsMm: [...offsets],
    byteLength: values.byteLength,
    valueRange: values.valueRange,
    frameOfReferenceUid: frameOfReferenceUid || null,
  };
}
