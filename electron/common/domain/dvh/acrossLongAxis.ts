import type { PlaneFrame } from '../geometry/planeFrame';
import type { ContourSlab } from './buildContourSlabs';

/**
 * The plane frame turned in-plane so that its v axis follows the structure's long in-plane axis (the principal
 * axis of largest second moment of all its contours' areas), and the map of (u, v) polygons into it. The morph
 * model's rows (lines of constant v) then run across an elongated structure. A round structure keeps an
 * arbitrary but deterministic orientation; the normal never changes. Plane-frame mm.
 */
export function acrossLongAxis(slabs: readonly ContourSlab[], frame: PlaneFrame): { frame: PlaneFrame; rotate: (uv: Float64Array) => Float64Array } {
  let area = 0, su = 0, sv = 0, suu = 0, svv = 0, suv = 0;
  for (const slab of slabs) {
    for (const poly of slab.polygons) {
      const n = poly.length >> 1;
      let a = 0, pu = 0, pv = 0, puu = 0, pvv = 0, puv = 0;
      for (let i = 0; i < n; i++) {
        const j = i + 1 === n ? 0 : i + 1;
        const u0 = poly[2 * i], v0 = poly[2 * i + 1], u1 = poly[2 * j], v1 = poly[2 * j + 1];
        const cross = u0 * v1 - u1 * v0;
        a += cross / 2;
        pu += ((u0 + u1) * cross) / 6;
        pv += ((v0 + v1) * cross) / 6;
        puu += ((u0 * u0 + u0 * u1 + u1 * u1) * cross) / 12;
        pvv += ((v0 * v0 + v0 * v1 + v1 * v1) * cross) / 12;
        puv += ((u0 * v1 + 2 * u0 * v0 + 2 * u1 * v1 + u1 * v0) * cross) / 24;
      }
      // orientation-free: every polygon counts positively (holes only refine the axis, which needs no precision)
      const sign = a < 0 ? -1 : 1;
      area += sign * a; su += sign * pu; sv += sign * pv; suu += sign * puu; svv += sign * pvv; suv += sign * puv;
    }
  }
  if (!(area > 0)) return { frame, rotate: (uv) => uv };
  const mu = su / area, mv = sv / area;
  const cuu = suu / area - mu * mu, cvv = svv / area - mv * mv, cuv = suv / area - mu * mv;
  const theta = 0.5 * Math.atan2(2 * cuv, cuu - cvv); // direction of the long axis in (u, v)
  const c = Math.cos(theta), s = Math.sin(theta);
  const [ux, uy, uz] = frame.uAxis, [vx, vy, vz] = frame.vAxis;
  return {
    frame: {
      uAxis: [-s * ux + c * vx, -s * uy + c * vy, -s * uz + c * vz],
      vAxis: [c * ux + s * vx, c * uy + s * vy, c * uz + s * vz],
      normal: frame.normal,
    },
    rotate: (uv) => {
      const out = new Float64Array(uv.length);
      for (let i = 0; i < uv.length; i += 2) { out[i] = -s * uv[i] + c * uv[i + 1]; out[i + 1] = c * uv[i] + s * uv[i + 1]; }
      return out;
    },
  };
}
