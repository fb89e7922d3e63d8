import type { PhantomPlane } from './analyticPhantoms';

/**
 * Exact DVH of a slab stack in a linear dose field, computed independently of the engine (no scanlines,
 * no sampling): the test truth for the slab convention.
 *
 * Dose in the plane frame: d(u, v, w) = d0 + gu·u + gv·v + gw·w (Gy, mm). For one slab with cross-section S
 * (even-odd polygons) between wLow and wHigh:
 *   volume  = |S|·t
 *   ∫d dV   = (d0·|S| + gu·∫u dS + gv·∫v dS)·t + gw·|S|·(wHigh² − wLow²)/2        (polygon moments, exact)
 *   V(≥ D)  = ∫ area{ (u,v) ∈ S : gu·u + gv·v ≥ D − d0 − gw·w } dw
 * The area of a polygon above a moving line is quadratic in the line's offset between the offsets where the
 * line passes a vertex, so Simpson's rule between those breakpoints integrates V(≥ D) exactly.
 */
export interface TruthSlab {
  readonly plane: PhantomPlane;
  readonly wLowMm: number;
  readonly wHighMm: number;
}

export interface LinearDose { readonly d0: number; readonly gu: number; readonly gv: number; readonly gw: number }

/** slab bounds by the convention: halfway to neighbours, ends reach `endFraction` of the adjacent spacing */
export function conventionSlabs(planes: readonly PhantomPlane[], endFraction = 0.5): TruthSlab[] {
  const sorted = [...planes].sort((a, b) => a.wMm - b.wMm);
  return sorted.map((plane, i) => {
    const below = i > 0 ? plane.wMm - sorted[i - 1].wMm : NaN;
    const above = i < sorted.length - 1 ? sorted[i + 1].wMm - plane.wMm : NaN;
    return {
      plane,
      wLowMm: plane.wMm - (Number.isFinite(below) ? below / 2 : endFraction * above),
      wHighMm: plane.wMm + (Number.isFinite(above) ? above / 2 : endFraction * below),
    };
  });
}

function shoelace(uv: ArrayLike<number>, count: number): { area: number; mu: number; mv: number } {
  let a2 = 0, cu = 0, cv = 0;
  for (let i = 0, j = count - 1; i < count; j = i, i++) {
    const cross = uv[2 * j] * uv[2 * i + 1] - uv[2 * i] * uv[2 * j + 1];
    a2 += cross;
    cu += (uv[2 * j] + uv[2 * i]) * cross;
    cv += (uv[2 * j + 1] + uv[2 * i + 1]) * cross;
  }
  const sign = a2 < 0 ? -1 : 1;
  // first moments ∫u dA, ∫v dA of the polygon (orientation-independent)
  return { area: Math.abs(a2) / 2, mu: (sign * cu) / 6, mv: (sign * cv) / 6 };
}

/** area of the part of a polygon where gu·u + gv·v ≥ c (Sutherland–Hodgman clip against one half-plane) */
function areaAbove(uv: Float64Array, gu: number, gv: number, c: number): number {
  const n = uv.length / 2;
  const out: number[] = [];
  for (let i = 0, j = n - 1; i < n; j = i, i++) {
    const uj = uv[2 * j], vj = uv[2 * j + 1], ui = uv[2 * i], vi = uv[2 * i + 1];
    const fj = gu * uj + gv * vj - c, fi = gu * ui + gv * vi - c;
    if ((fj >= 0) !== (fi >= 0)) {
      const t = fj / (fj - fi);
      out.push(uj + t * (ui - uj), vj + t * (vi - vj));
    }
    if (fi >= 0) out.push(ui, vi);
  }
  return out.length >= 6 ? shoelace(out, out.length / 2).area : 0;
}

function crossSectionAbove(plane: PhantomPlane, gu: number, gv: number, c: number): number {
  if (gu === 0 && gv === 0) return c <= 0 ? crossSectionArea(plane) : 0;
  let area = 0;
  for (const p of plane.polygons) area += (p.hole ? -1 : 1) * areaAbove(p.uv, gu, gv, c);
  return area;
}

export function crossSectionArea(plane: PhantomPlane): number {
  let area = 0;
  for (const p of plane.polygons) area += (p.hole ? -1 : 1) * shoelace(p.uv, p.uv.length / 2).area;
  return area;
}

export class SlabTruth {
  readonly volumeMm3: number;
  readonly meanGy: number;

  constructor(private readonly slabs: readonly TruthSlab[], private readonly dose: LinearDose) {
    let volume = 0, integral = 0;
    for (const s of slabs) {
      const t = s.wHighMm - s.wLowMm;
      let area = 0, mu = 0, mv = 0;
      for (const p of s.plane.polygons) {
        const m = shoelace(p.uv, p.uv.length / 2);
        const sign = p.hole ? -1 : 1;
        area += sign * m.area; mu += sign * m.mu; mv += sign * m.mv;
      }
      volume += area * t;
      integral += (dose.d0 * area + dose.gu * mu + dose.gv * mv) * t + (dose.gw * area * (s.wHighMm ** 2 - s.wLowMm ** 2)) / 2;
    }
    this.volumeMm3 = volume;
    this.meanGy = integral / volume;
  }

  /** exact volume receiving ≥ doseGy, mm³ */
  volumeAtDoseMm3(doseGy: number): number {
    const { d0, gu, gv, gw } = this.dose;
    let total = 0;
    for (const s of this.slabs) {
      const f = (w: number) => crossSectionAbove(s.plane, gu, gv, doseGy - d0 - gw * w);
      if (gw === 0) { total += f(s.wLowMm) * (s.wHighMm - s.wLowMm); continue; }
      // breakpoints: w where the threshold line passes a vertex, or (pure normal gradient) where it jumps
      const cuts = [s.wLowMm, s.wHighMm];
      for (const p of s.plane.polygons) for (let k = 0; k < p.uv.length; k += 2) cuts.push((doseGy - d0 - gu * p.uv[k] - gv * p.uv[k + 1]) / gw);
      cuts.push((doseGy - d0) / gw);
      const inside = cuts.filter((w) => w >= s.wLowMm && w <= s.wHighMm).sort((a, b) => a - b);
      for (let k = 0; k + 1 < inside.length; k++) {
        const a = inside[k], b = inside[k + 1];
        if (b - a < 1e-12) continue;
        // evaluate just inside the interval so a jump at a breakpoint is taken from the correct side
        const e = (b - a) * 1e-9;
        total += ((b - a) / 6) * (f(a + e) + 4 * f((a + b) / 2) + f(b - e));
      }
    }
    return total;
  }

  /** dose (Gy) at which the exact cumulative DVH equals volumeMm3: minimum dose to the hottest volumeMm3 */
  doseAtVolumeMm3(volumeMm3: number, lowGy: number, highGy: number): number {
    let lo = lowGy, hi = highGy;
    for (let it = 0; it < 80 && hi - lo > 1e-7; it++) {
      const mid = (lo + hi) / 2;
      if (this.volumeAtDoseMm3(mid) >= volumeMm3) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }
}
