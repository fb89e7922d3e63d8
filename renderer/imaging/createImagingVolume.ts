import { cache, volumeLoader, type Types } from '@cornerstonejs/core';
import type { VolumeGeometry } from './volumeGeometry';

export interface ImagingVolumeInput {
  readonly volumeId: string;
  readonly geometry: VolumeGeometry;
  /** CT: Int16 HU; dose: Float32 Gy; risk: Float32 (0–1) */
  readonly values: Int16Array | Float32Array;
  readonly modality: 'CT' | 'RTDOSE' | 'OT';
  readonly frameOfReferenceUid: string;
  /** smallest and largest value, in the volume's unit: the default display window */
  readonly valueRange: readonly [number, number];
}

/**
 * A cornerstone image volume made from an array already in memory (the host's voxel route), so the viewer never
 * goes back to DICOM. Replaces a cached volume of the same id (volume and slice images), because a re-imported plan
 * may change its data.
 */
export function createImagingVolume(input: ImagingVolumeInput): Types.IImageVolume {
  // a plan opened again: drop the old volume and its slice images (their ids would collide)
  const previous = cache.getVolume(input.volumeId);
  if (previous) {
    const imageIds = [...previous.imageIds];
    cache.removeVolumeLoadObject(input.volumeId);
    for (const imageId of imageIds) if (cache.getImageLoadObject(imageId) || cache.getImage(imageId)) cache.removeImageLoadObject(imageId, { force: true });
  }
  const { geometry } = input;
  const isCt = input.modality === 'CT';
  const volume = volumeLoader.createLocalVolume(input.volumeId, {
    dimensions: [...geometry.dimensions] as Types.Point3,
    spacing: [...geometry.spacingMm] as Types.Point3,
    origin: [...geometry.originMm] as Types.Point3,
    direction: [...geometry.direction] as Types.Mat3,
    scalarData: input.values,
    metadata: {
      BitsAllocated: isCt ? 16 : 32,
      BitsStored: isCt ? 16 : 32,
      SamplesPerPixel: 1,
      HighBit: isCt ? 15 : 31,
      PhotometricInterpretation: 'MONOCHROME2',
      PixelRepresentation: 1,
      Modality: input.modality,
      ImageOrientationPatient: [...geometry.direction.slice(0, 6)],
      PixelSpacing: [geometry.spacingMm[1], geometry.spacingMm[0]],
      FrameOfReferenceUID: input.frameOfReferenceUid,
      Columns: geometry.dimensions[0],
      Rows: geometry.dimensions[1],
      // always a window: without one cornerstone reloads the middle slice through an image loader to find
      // its range, and a local volume has no loader
      voiLut: [isCt ? { windowCenter: 40, windowWidth: 400 } : {
        windowCenter: (input.valueRange[0] + input.valueRange[1]) / 2, windowWidth: Math.max(1e-3, input.valueRange[1] - input.valueRange[0]),
      }],
      VOILUTFunction: 'LINEAR',
    },
  });
  // mark every slice as new so the GPU texture is filled on first render: a local volume has no loader that would
  // announce its slices, and its streaming texture otherwise uploads nothing (the volume shows as zeros)
  volume.modified();
  return volume;
}
