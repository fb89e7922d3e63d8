import type { PlaneFrame } from '../geometry/planeFrame';
import type { ContourSlab } from './buildContourSlabs';

/**
 * The plane frame turned in-plane for the morph model's rows (lines of constant v, running along u), and the
 * map of (u, v) polygons into it; the normal never changes. Plane-frame mm.
 *
 * The row model treats each row's (u, w) section as round-ish (it fits r² along w), which is right when the
 * (u, w) plane is a cross-section of the body: for a cylinder or cone lying in the contour planes, u must run
 * across its axis. Of the two in-plane principal axes of the structure's second moment (slab-volume
 * weighted), u is the one whose moment is closer to the moment along the normal w — the direction in which
 * the body is as wide as it is deep. For a body lying along v that is the direction across it, whatever its
 * length (a 30 mm wide, 24 mm long cylinder included); for round sections either choice works.
 */
export function acrossLongAxis(slabs: readonly ContourSlab[], frame: PlaneFrame): { frame: PlaneFrame; rotate: (uv: Float64Array) => Float64Array } {
  let area = 0, su = 0, sv = 0, suu = 0, svv = 0, suv = 0;
  let volume = 0, sw = 0, sww = 0;
  for (const slab of slabs) {
    const thickness = slab.wHighMm - slab.wLowMm;
    const slabArea = Math.max(0, slab.areaMm2) * thickness;
    volume += slabArea;
    sw += slabArea * slab.wMm;
    sww += slabArea * (slab.wMm * slab.wMm + (thickness * thickness) / 12);
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
      const sign = a < 0 ? -thickness : thickness;
      area += sign * a; su += sign * pu; sv += sign * pv; suu += sign * puu; svv += sign * pvv; suv += sign * puv;
    }
  }
  if (!(area > 0) || !(volume > 0)) return { frame, rotate: (uv) => uv };
  const mu = su / area, mv = sv / area;
  const cuu = suu / area - mu * mu, cvv = svv / area - mv * mv, cuv = suv / area - mu * mv;
  const mw = sw / volume, cww = sww / volume - mw * mw;
  // principal axes: the larger moment along angle θ, the smaller across it
  const mean = (cuu + cvv) / 2, spread = Math.hypot((cuu - cvv) / 2, cuv);
  const larger = mean + spread, smaller = mean - spread;
  // v takes the axis whose moment is farther from the depth moment; u (the rows) the closer one
  const theta = 0.5 * Math.atan2(2 * cuv, cuu - cvv) + (Math.abs(larger - cww) < Math.abs(smaller - cww) ? Math.PI / 2 : 0);
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
