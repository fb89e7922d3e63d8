/**
 * Geometry of a voxel volume in DICOM patient coordinates (LPS mm), as the renderer uses it.
 * Voxel (i, j, k) has its centre at originMm + i·spacingMm[0]·rowDir + j·spacingMm[1]·colDir + k·spacingMm[2]·sliceDir,
 * where rowDir = direction[0..2] (along a row, i grows), colDir = direction[3..5] (down a column, j grows) and
 * sliceDir = direction[6..8]. Values are stored as value[i + columns·(j + rows·k)].
 */
export interface VolumeGeometry {
  /** [columns, rows, slices] */
  readonly dimensions: readonly [number, number, number];
  /** [column spacing (along i), row spacing (along j), slice spacing (along k)], mm */
  readonly spacingMm: readonly [number, number, number];
  /** centre of voxel (0,0,0), LPS mm */
  readonly originMm: readonly [number, number, number];
  /** row, column and slice unit vectors, 9 numbers */
  readonly direction: readonly number[];
}

export type Vec3 = [number, number, number];

export function axisDirection(geometry: VolumeGeometry, axis: 0 | 1 | 2): Vec3 {
  const d = geometry.direction;
  return [d[axis * 3], d[axis * 3 + 1], d[axis * 3 + 2]];
}

/** Continuous voxel index (i, j, k) of a point in LPS mm. */
export function worldToIndex(geometry: VolumeGeometry, pointMm: readonly number[]): Vec3 {
  const rel = [pointMm[0] - geometry.originMm[0], pointMm[1] - geometry.originMm[1], pointMm[2] - geometry.originMm[2]];
  const out: Vec3 = [0, 0, 0];
  for (const axis of [0, 1, 2] as const) {
    const dir = axisDirection(geometry, axis);
    out[axis] = (rel[0] * dir[0] + rel[1] * dir[1] + rel[2] * dir[2]) / geometry.spacingMm[axis];
  }
  return out;
}

/** LPS mm of a continuous voxel index. */
export function indexToWorld(geometry: VolumeGeometry, index: readonly number[]): Vec3 {
  const out: Vec3 = [geometry.originMm[0], geometry.originMm[1], geometry.originMm[2]];
  for (const axis of [0, 1, 2] as const) {
    const dir = axisDirection(geometry, axis);
    const stepMm = index[axis] * geometry.spacingMm[axis];
    out[0] += dir[0] * stepMm; out[1] += dir[1] * stepMm; out[2] += dir[2] * stepMm;
  }
  return out;
}

/** The grid axis most parallel to a direction (a view-plane normal), so a view can slice along it. */
export function dominantAxis(geometry: VolumeGeometry, directionMm: readonly number[]): 0 | 1 | 2 {
  let best: 0 | 1 | 2 = 2;
  let bestDot = -1;
  for (const axis of [0, 1, 2] as const) {
    const dir = axisDirection(geometry, axis);
    const dot = Math.abs(dir[0] * directionMm[0] + dir[1] * directionMm[1] + dir[2] * directionMm[2]);
    if (dot > bestDot) { bestDot = dot; best = axis; }
  }
  return best;
}
