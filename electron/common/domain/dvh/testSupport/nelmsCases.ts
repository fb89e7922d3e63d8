import type { PhantomPlane } from './analyticPhantoms';

/**
 * The analytic DVH benchmark of Nelms et al., "Methods, software and datasets to verify DVH calculations
 * against analytical values: Twenty years of progress", Med Phys 2015;42:4435, rebuilt in code:
 * spheres, cylinders and cones (axial, and rotated so the axis runs anterior–posterior) of 10, 20 and 30 mm
 * diameter, in linear dose fields of 1 Gy/mm along Y (anterior–posterior) or Z (superior–inferior), contoured
 * on CT planes and given a dose grid of the same spacing, 1, 2 and 3 mm: 15 structures × 2 gradients × 3
 * spacings = 90 cases, compared with the TRUE-SHAPE analytic values.
 *
 * Our reconstruction (the published case files are not redistributed here): cylinders and cones are 24 mm long;
 * cones have their apex towards +Z (axial) or +Y (rotated); the dose is 20 Gy at the structure's centre
 * (the midpoint of its axis); contours are the exact cross-sections of the shape on the CT planes (polygons with
 * the circle's area). Placement on the CT grid ('commensurate', the asserted one): a structure whose extent
 * along Z is a whole number of slices has its superior and inferior extremes halfway between CT planes, which
 * is where the slab convention puts a structure's ends; other structures have their centre on a plane. The
 * 'centred' placement (centre always on a plane, so poles and flat faces can fall exactly on a plane, where
 * the contour degenerates) is reported too, for information.
 */
export type NelmsShapeKind = 'Sphere' | 'Cylinder' | 'RtCylinder' | 'Cone' | 'RtCone';

export interface NelmsShape {
  readonly name: string;
  readonly kind: NelmsShapeKind;
  readonly radiusMm: number;
  readonly lengthMm: number;
}

export const NELMS_LENGTH_MM = 24;
export const NELMS_CENTRE_DOSE_GY = 20;

export const NELMS_SHAPES: readonly NelmsShape[] = (['Sphere', 'Cylinder', 'RtCylinder', 'Cone', 'RtCone'] as const)
  .flatMap((kind) => [10, 20, 30].map((d) => ({ name: `${kind}_${d}`, kind, radiusMm: d / 2, lengthMm: kind === 'Sphere' ? d : NELMS_LENGTH_MM })));

/** radius of a cone with base radius R at axial position a ∈ [−L/2, L/2] (apex at +L/2) */
function coneRadius(shape: NelmsShape, a: number): number {
  return a < -shape.lengthMm / 2 || a > shape.lengthMm / 2 ? 0 : (shape.radiusMm * (shape.lengthMm / 2 - a)) / shape.lengthMm;
}

/** n-gon with the same area as the circle of radius r */
function equalAreaCircle(r: number, n = 180): Float64Array {
  const rr = r * Math.sqrt((2 * Math.PI) / (n * Math.sin((2 * Math.PI) / n)));
  const uv = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) { uv[2 * k] = rr * Math.cos((2 * Math.PI * k) / n); uv[2 * k + 1] = rr * Math.sin((2 * Math.PI * k) / n); }
  return uv;
}

/** exact axial cross-section of a shape (centred at the origin, u = x, v = y) at height z, as polygons */
export function nelmsSection(shape: NelmsShape, z: number): Float64Array[] {
  const R = shape.radiusMm, L = shape.lengthMm;
  switch (shape.kind) {
    case 'Sphere': return Math.abs(z) < R ? [equalAreaCircle(Math.sqrt(R * R - z * z))] : [];
    case 'Cylinder': return Math.abs(z) < L / 2 ? [equalAreaCircle(R)] : [];
    case 'Cone': { const r = coneRadius(shape, z); return r > 1e-9 ? [equalAreaCircle(r)] : []; }
    case 'RtCylinder': {
      if (Math.abs(z) >= R) return [];
      const x = Math.sqrt(R * R - z * z);
      return [Float64Array.of(-x, -L / 2, x, -L / 2, x, L / 2, -x, L / 2)];
    }
    case 'RtCone': {
      // axis along y, apex at +L/2: inside where x² + z² ≤ r(y)²; r(y) ≥ |z| for y ≤ yMax
      if (Math.abs(z) >= R) return [];
      const yMax = L / 2 - (Math.abs(z) * L) / R;
      const steps = 400;
      const right: number[] = [];
      for (let k = 0; k <= steps; k++) {
        // denser near the rounded tip, where the half-width changes fastest
        const y = -L / 2 + (yMax + L / 2) * (1 - (1 - k / steps) ** 2);
        const r = coneRadius(shape, y);
        right.push(Math.sqrt(Math.max(0, r * r - z * z)), y);
      }
      const poly: number[] = [];
      for (let k = 0; k < right.length; k += 2) poly.push(right[k], right[k + 1]);
      for (let k = right.length - 2; k >= 0; k -= 2) if (right[k] > 0) poly.push(-right[k], right[k + 1]);
      return [Float64Array.from(poly)];
    }
  }
}

/** the shape's extent along Z (the CT slice axis), mm */
export function nelmsExtentZ(shape: NelmsShape): number {
  return shape.kind === 'Cylinder' || shape.kind === 'Cone' ? shape.lengthMm : 2 * shape.radiusMm;
}

/**
 * Offset of the CT planes from the shape centre ('commensurate' placement): when the extent along Z is a whole
 * number of slices, the superior and inferior extremes lie halfway between planes (on slab boundaries);
 * otherwise the centre lies on a plane. 'centred' always puts the centre on a plane.
 */
export function nelmsPlaneOffset(shape: NelmsShape, spacingMm: number, placement: 'commensurate' | 'centred' = 'commensurate'): number {
  const slices = nelmsExtentZ(shape) / spacingMm;
  if (placement === 'centred' || Math.abs(slices - Math.round(slices)) > 1e-9) return 0;
  return Math.round(slices) % 2 === 0 ? spacingMm / 2 : 0;
}

export function nelmsPlanes(shape: NelmsShape, spacingMm: number, placement: 'commensurate' | 'centred' = 'commensurate'): PhantomPlane[] {
  const off = nelmsPlaneOffset(shape, spacingMm, placement);
  const half = nelmsExtentZ(shape) / 2;
  const planes: PhantomPlane[] = [];
  for (let k = Math.ceil((-half - off) / spacingMm); k * spacingMm + off < half; k++) {
    const z = k * spacingMm + off;
    const polys = nelmsSection(shape, z);
    if (polys.length > 0) planes.push({ wMm: z, polygons: polys.map((uv) => ({ uv, hole: false })) });
  }
  return planes;
}

/**
 * True-shape cross-section area (mm²) perpendicular to the gradient axis ('Y' or 'Z') at signed distance t from
 * the centre: closed forms, and for a cone cut parallel to its axis a fine 1D quadrature over the axis.
 */
export function nelmsAreaAt(shape: NelmsShape, axis: 'Y' | 'Z', t: number): number {
  const R = shape.radiusMm, L = shape.lengthMm;
  const alongAxis = (shape.kind === 'Cylinder' || shape.kind === 'Cone') === (axis === 'Z');
  switch (shape.kind) {
    case 'Sphere': return Math.abs(t) < R ? Math.PI * (R * R - t * t) : 0;
    case 'Cylinder': case 'RtCylinder':
      if (alongAxis) return Math.abs(t) < L / 2 ? Math.PI * R * R : 0;
      return Math.abs(t) < R ? 2 * L * Math.sqrt(R * R - t * t) : 0;
    case 'Cone': case 'RtCone': {
      if (alongAxis) { const r = coneRadius(shape, t); return Math.PI * r * r; }
      // plane at distance |t| from the axis: chord 2√(r(a)² − t²) where r(a) > |t|, a from −L/2 to aMax
      if (Math.abs(t) >= R) return 0;
      const aMax = L / 2 - (Math.abs(t) * L) / R;
      const n = 400;
      let sum = 0;
      // substitution a = aMax − (aMax + L/2)·s², which removes the square-root endpoint singularity
      const span = aMax + L / 2;
      for (let k = 0; k < n; k++) {
        const s = (k + 0.5) / n;
        const a = aMax - span * s * s;
        const r = coneRadius(shape, a);
        sum += 2 * Math.sqrt(Math.max(0, r * r - t * t)) * 2 * span * s;
      }
      return sum / n;
    }
  }
}

/** Analytic values for one shape and gradient axis (true shape): volume, Dmean and D{x}% by 1D quadrature. */
export class NelmsTruth {
  private readonly ts: Float64Array;
  private readonly areas: Float64Array;
  private readonly dt: number;
  readonly volumeMm3: number;
  readonly meanGy: number;

  constructor(readonly shape: NelmsShape, readonly axis: 'Y' | 'Z') {
    const extent = (shape.kind === 'Sphere' || (axis === 'Y') === (shape.kind === 'Cylinder' || shape.kind === 'Cone')) ? shape.radiusMm : shape.lengthMm / 2;
    const n = 8000;
    this.dt = (2 * extent) / n;
    this.ts = Float64Array.from({ length: n }, (_, k) => -extent + (k + 0.5) * this.dt);
    this.areas = this.ts.map((t) => nelmsAreaAt(shape, axis, t));
    let v = 0, m = 0;
    for (let k = 0; k < n; k++) { v += this.areas[k] * this.dt; m += this.ts[k] * this.areas[k] * this.dt; }
    this.volumeMm3 = v;
    this.meanGy = NELMS_CENTRE_DOSE_GY + m / v;
  }

  /** exact-volume closed forms, to check the quadrature itself */
  get closedFormVolumeMm3(): number {
    const R = this.shape.radiusMm, L = this.shape.lengthMm;
    if (this.shape.kind === 'Sphere') return (4 / 3) * Math.PI * R ** 3;
    return this.shape.kind.endsWith('Cylinder') ? Math.PI * R * R * L : (Math.PI * R * R * L) / 3;
  }

  /** dose (Gy) received by at least `fraction` of the volume (D{100·fraction}%) */
  doseAtFraction(fraction: number): number {
    const target = fraction * this.volumeMm3;
    let cum = 0;
    for (let k = this.ts.length - 1; k >= 0; k--) {
      const slice = this.areas[k] * this.dt;
      if (cum + slice >= target) {
        const t = this.ts[k] + this.dt / 2 - ((target - cum) / slice) * this.dt;
        return NELMS_CENTRE_DOSE_GY + t;
      }
      cum += slice;
    }
    return NELMS_CENTRE_DOSE_GY + this.ts[0] - this.dt / 2;
  }
}
