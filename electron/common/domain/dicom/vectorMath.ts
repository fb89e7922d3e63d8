import type { Vec3 } from '../rt';

/** Small 3-vector helpers for patient-space (LPS, mm) geometry. */
export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function subtract(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function normalize(a: Vec3): Vec3 {
  const length = Math.hypot(a[0], a[1], a[2]);
  return length === 0 ? a : [a[0] / length, a[1] / length, a[2] / length];
}

/** Row and column direction from ImageOrientationPatient, re-normalised (files carry rounding). */
export function orientationVectors(iop: readonly number[]): { row: Vec3; column: Vec3; normal: Vec3 } {
  const row = normalize([iop[0], iop[1], iop[2]]);
  const column = normalize([iop[3], iop[4], iop[5]]);
  return { row, column, normal: normalize(cross(row, column)) };
}
