import type { Vec3 } from '../rt/geometry';

/** Small 3-vector helpers (patient LPS mm or unit directions). Plain tuples: not for inner loops. */
export function dot3(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross3(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm3(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** Unit vector along a; throws on a zero vector because a direction is then undefined. */
export function normalize3(a: Vec3): Vec3 {
  const length = norm3(a);
  if (!(length > 0)) throw new Error('cannot normalise a zero-length vector');
  return [a[0] / length, a[1] / length, a[2] / length];
}

export function scale3(a: Vec3, factor: number): Vec3 {
  return [a[0] * factor, a[1] * factor, a[2] * factor];
}

export function add3(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function sub3(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
