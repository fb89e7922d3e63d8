/**
 * Analytic shapes the synthetic anatomy is built from, in patient LPS millimetres (+x left, +y posterior,
 * +z superior). Every shape is described by its cross-sections on axial planes (z = const), which is what a
 * planning system contours: superellipses (ellipses when exponent = 2, optionally rotated about z) and
 * elliptical annulus sectors (bone shells, muscle walls). A union's parts never overlap on a plane, so its
 * contours can be written side by side without making holes.
 */
export interface TubeKey {
  readonly zMm: number;
  readonly cxMm: number;
  readonly cyMm: number;
  readonly rxMm: number;
  readonly ryMm: number;
}

export type Shape =
  | { readonly kind: 'ellipsoid'; readonly centreMm: readonly [number, number, number]; readonly radiiMm: readonly [number, number, number]; readonly yawRad?: number }
  /** superellipse cross-sections interpolated linearly between keys (sorted by z) */
  | { readonly kind: 'tube'; readonly keys: readonly TubeKey[]; readonly exponent?: number }
  /** annulus sector: outer ellipse from the keys, inner = outer − thickness; angles are parametric, 0 = +x */
  | { readonly kind: 'shell'; readonly keys: readonly TubeKey[]; readonly thicknessMm: number; readonly fromRad: number; readonly toRad: number }
  | { readonly kind: 'union'; readonly parts: readonly Shape[] };

export type PlaneSection =
  | { readonly kind: 'superellipse'; readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number; readonly exponent: number; readonly rotRad: number }
  | { readonly kind: 'annulus'; readonly cx: number; readonly cy: number; readonly rxOut: number; readonly ryOut: number; readonly rxIn: number; readonly ryIn: number; readonly fromRad: number; readonly toRad: number };

function interpolateKeys(keys: readonly TubeKey[], zMm: number): TubeKey | null {
  if (keys.length === 0 || zMm < keys[0].zMm || zMm > keys[keys.length - 1].zMm) return null;
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1], b = keys[i];
    if (zMm <= b.zMm) {
      const t = b.zMm === a.zMm ? 0 : (zMm - a.zMm) / (b.zMm - a.zMm);
      const mix = (p: number, q: number) => p + (q - p) * t;
      return { zMm, cxMm: mix(a.cxMm, b.cxMm), cyMm: mix(a.cyMm, b.cyMm), rxMm: mix(a.rxMm, b.rxMm), ryMm: mix(a.ryMm, b.ryMm) };
    }
  }
  return keys[keys.length - 1];
}

/** Cross-sections of a shape with the plane z = zMm (empty when the plane misses it). */
export function sectionsAt(shape: Shape, zMm: number): PlaneSection[] {
  switch (shape.kind) {
    case 'ellipsoid': {
      const [cx, cy, cz] = shape.centreMm;
      const [rx, ry, rz] = shape.radiiMm;
      const s = 1 - ((zMm - cz) / rz) ** 2;
      if (s <= 0.01) return [];
      const f = Math.sqrt(s);
      return [{ kind: 'superellipse', cx, cy, rx: rx * f, ry: ry * f, exponent: 2, rotRad: shape.yawRad ?? 0 }];
    }
    case 'tube': {
      const k = interpolateKeys(shape.keys, zMm);
      if (!k || k.rxMm <= 0.2 || k.ryMm <= 0.2) return [];
      return [{ kind: 'superellipse', cx: k.cxMm, cy: k.cyMm, rx: k.rxMm, ry: k.ryMm, exponent: shape.exponent ?? 2, rotRad: 0 }];
    }
    case 'shell': {
      const k = interpolateKeys(shape.keys, zMm);
      if (!k) return [];
      const t = shape.thicknessMm;
      if (k.rxMm <= t + 0.5 || k.ryMm <= t + 0.5) return [];
      return [{ kind: 'annulus', cx: k.cxMm, cy: k.cyMm, rxOut: k.rxMm, ryOut: k.ryMm, rxIn: k.rxMm - t, ryIn: k.ryMm - t, fromRad: shape.fromRad, toRad: shape.toRad }];
    }
    case 'union':
      return shape.parts.flatMap((p) => sectionsAt(p, zMm));
  }
}

/** z extent of a shape, mm (inclusive bounds of the planes that can cut it). */
export function zRangeOf(shape: Shape): [number, number] {
  switch (shape.kind) {
    case 'ellipsoid': return [shape.centreMm[2] - shape.radiiMm[2], shape.centreMm[2] + shape.radiiMm[2]];
    case 'tube':
    case 'shell': return [shape.keys[0].zMm, shape.keys[shape.keys.length - 1].zMm];
    case 'union': {
      const ranges = shape.parts.map(zRangeOf);
      return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
    }
  }
}

const TWO_PI = 2 * Math.PI;

function angleInRange(angle: number, fromRad: number, toRad: number): boolean {
  if (toRad - fromRad >= TWO_PI - 1e-9) return true;
  let a = angle - fromRad;
  a -= Math.floor(a / TWO_PI) * TWO_PI;
  return a <= toRad - fromRad;
}

/** true when (x, y) lies inside the section (mm) */
export function sectionContains(s: PlaneSection, x: number, y: number): boolean {
  if (s.kind === 'superellipse') {
    let dx = x - s.cx, dy = y - s.cy;
    if (s.rotRad !== 0) {
      const c = Math.cos(s.rotRad), n = Math.sin(s.rotRad);
      [dx, dy] = [c * dx + n * dy, -n * dx + c * dy];
    }
    const u = Math.abs(dx / s.rx), v = Math.abs(dy / s.ry);
    return s.exponent === 2 ? u * u + v * v <= 1 : u ** s.exponent + v ** s.exponent <= 1;
  }
  const dx = x - s.cx, dy = y - s.cy;
  if ((dx / s.rxOut) ** 2 + (dy / s.ryOut) ** 2 > 1) return false;
  if ((dx / s.rxIn) ** 2 + (dy / s.ryIn) ** 2 < 1) return false;
  return angleInRange(Math.atan2(dy / s.ryOut, dx / s.rxOut), s.fromRad, s.toRad);
}

export function sectionsContain(sections: readonly PlaneSection[], x: number, y: number): boolean {
  for (const s of sections) if (sectionContains(s, x, y)) return true;
  return false;
}

/** Axis-aligned bounds of a section: [xmin, xmax, ymin, ymax] mm. */
export function sectionBounds(s: PlaneSection): [number, number, number, number] {
  if (s.kind === 'superellipse') {
    // a rotated section is bounded by its larger radius in every direction
    const r = s.rotRad === 0 ? null : Math.max(s.rx, s.ry);
    const rx = r ?? s.rx, ry = r ?? s.ry;
    return [s.cx - rx, s.cx + rx, s.cy - ry, s.cy + ry];
  }
  return [s.cx - s.rxOut, s.cx + s.rxOut, s.cy - s.ryOut, s.cy + s.ryOut];
}

/**
 * Closed polygons (flat x,y pairs, mm) outlining a section with points about `stepMm` apart.
 * A full annulus gives two loops (outer, inner): nested loops are holes under the even-odd rule.
 */
export function sectionPolygons(s: PlaneSection, stepMm = 2): Float64Array[] {
  if (s.kind === 'superellipse') {
    const perimeter = Math.PI * (s.rx + s.ry);
    const n = Math.max(24, Math.min(200, Math.ceil(perimeter / stepMm)));
    const out = new Float64Array(2 * n);
    // vertices slightly outside the curve so the polygon keeps the ellipse's area (an inscribed n-gon loses
    // 1 − sin(2π/n)·n/2π of it, 1 % at n = 24): small organs keep their volume and their hottest rim
    const k = Math.sqrt((2 * Math.PI) / (n * Math.sin((2 * Math.PI) / n)));
    const rx = s.rx * k, ry = s.ry * k;
    const c = Math.cos(s.rotRad), sn = Math.sin(s.rotRad), p = 2 / s.exponent;
    for (let i = 0; i < n; i++) {
      const t = (TWO_PI * i) / n;
      const ct = Math.cos(t), st = Math.sin(t);
      const lx = rx * Math.sign(ct) * Math.abs(ct) ** p, ly = ry * Math.sign(st) * Math.abs(st) ** p;
      out[2 * i] = s.cx + c * lx - sn * ly;
      out[2 * i + 1] = s.cy + sn * lx + c * ly;
    }
    return [out];
  }
  const full = s.toRad - s.fromRad >= TWO_PI - 1e-9;
  const span = full ? TWO_PI : s.toRad - s.fromRad;
  const n = Math.max(8, Math.min(200, Math.ceil((span * (s.rxOut + s.ryOut)) / 2 / stepMm)));
  const arc = (rx: number, ry: number, reverse: boolean, closed: boolean): number[] => {
    const pts: number[] = [];
    const count = closed ? n : n + 1;
    for (let i = 0; i < count; i++) {
      const f = (reverse ? count - 1 - i : i) / n;
      const t = s.fromRad + span * f;
      pts.push(s.cx + rx * Math.cos(t), s.cy + ry * Math.sin(t));
    }
    return pts;
  };
  if (full) return [Float64Array.from(arc(s.rxOut, s.ryOut, false, true)), Float64Array.from(arc(s.rxIn, s.ryIn, true, true))];
  return [Float64Array.from([...arc(s.rxOut, s.ryOut, false, false), ...arc(s.rxIn, s.ryIn, true, false)])];
}
