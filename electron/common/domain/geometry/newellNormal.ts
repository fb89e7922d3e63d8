import type { Vec3 } from '../rt/geometry';

/**
 * Newell's area vector of a closed polygon given as flat x,y,z triples (patient LPS mm):
 * its direction is the plane normal (right-hand rule over the point order) and its length is twice the
 * polygon's area in mm². Robust to collinear runs and slightly non-planar input, unlike a single cross product.
 */
export function newellAreaVector(pointsMm: Float64Array): Vec3 {
  const count = Math.floor(pointsMm.length / 3);
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let a = 0; a < count; a++) {
    const b = a + 1 === count ? 0 : a + 1;
    const ax = pointsMm[3 * a], ay = pointsMm[3 * a + 1], az = pointsMm[3 * a + 2];
    const bx = pointsMm[3 * b], by = pointsMm[3 * b + 1], bz = pointsMm[3 * b + 2];
    nx += (ay - by) * (az + bz);
    ny += (az - bz) * (ax + bx);
    nz += (ax - bx) * (ay + by);
  }
  return [nx, ny, nz];
}
