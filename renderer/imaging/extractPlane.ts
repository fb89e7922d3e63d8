import { dominantAxis, indexToWorld, worldToIndex, type Vec3, type VolumeGeometry } from './volumeGeometry';

/** A 2D cut through a volume: field[u + width·v], and where each (u, v) lies in LPS mm. */
export interface VolumePlane {
  readonly field: Float32Array;
  readonly width: number;
  readonly height: number;
  /** LPS mm of the continuous plane index (u, v) */
  toWorld(u: number, v: number): Vec3;
}

/**
 * The plane of a volume that contains `pointMm` and is (nearly) perpendicular to `normal` — the plane a 2D view
 * shows. The cut runs along the grid axis most parallel to the normal, linearly interpolated between the two
 * nearest grid planes; returns null when the point lies outside the volume along that axis.
 */
export function extractPlane(geometry: VolumeGeometry, values: ArrayLike<number>, normal: readonly number[], pointMm: readonly number[]): VolumePlane | null {
  const axis = dominantAxis(geometry, normal);
  const [nx, ny] = geometry.dimensions;
  const position = worldToIndex(geometry, pointMm)[axis];
  const last = geometry.dimensions[axis] - 1;
  if (position < -0.5 || position > last + 0.5) return null;
  const clamped = Math.min(Math.max(position, 0), last);
  const lower = Math.floor(clamped);
  const upper = Math.min(lower + 1, last);
  const weight = clamped - lower;
  // the two in-plane axes, in grid order
  const [uAxis, vAxis] = ([0, 1, 2] as const).filter((a) => a !== axis) as [0 | 1 | 2, 0 | 1 | 2];
  const width = geometry.dimensions[uAxis];
  const height = geometry.dimensions[vAxis];
  const field = new Float32Array(width * height);
  const strides = [1, nx, nx * ny];
  const base0 = lower * strides[axis];
  const base1 = upper * strides[axis];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const offset = u * strides[uAxis] + v * strides[vAxis];
      const a = values[base0 + offset];
      field[u + width * v] = weight === 0 ? a : a + (values[base1 + offset] - a) * weight;
    }
  }
  return {
    field, width, height,
    toWorld(u: number, v: number): Vec3 {
      const index = [0, 0, 0];
      index[axis] = clamped; index[uAxis] = u; index[vAxis] = v;
      return indexToWorld(geometry, index);
    },
  };
}
