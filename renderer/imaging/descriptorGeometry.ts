import type { VolumeDescriptor } from '../../electron/common/api/volumeSchemas';
import type { VolumeGeometry } from './volumeGeometry';

/** The renderer's geometry for a host volume descriptor (same LPS frame, direction as 9 numbers). */
export function descriptorGeometry(descriptor: VolumeDescriptor): VolumeGeometry & { sliceOffsetsMm: readonly number[] } {
  return {
    dimensions: descriptor.dims,
    spacingMm: descriptor.spacingMm,
    originMm: descriptor.originMm,
    direction: [...descriptor.rowDirection, ...descriptor.columnDirection, ...descriptor.sliceDirection],
    sliceOffsetsMm: descriptor.sliceOffsetsMm,
  };
}

/**
 * Index of the slice plane nearest to an offset along the slice direction (mm from the origin). Uses the exact
 * plane offsets the host sent, so unevenly spaced CT slices are counted right.
 */
export function nearestSliceIndex(sliceOffsetsMm: readonly number[], offsetMm: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let k = 0; k < sliceOffsetsMm.length; k++) {
    const distance = Math.abs(sliceOffsetsMm[k] - offsetMm);
    if (distance < bestDistance) { bestDistance = distance; best = k; }
  }
  return best;
}
