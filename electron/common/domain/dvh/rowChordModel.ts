/**
 * The 'morph' structure model, one scanline row at a time (plane-frame mm; w along the plane normal).
 *
 * Fix a row v of the contour planes: across the planes it is a 2D section (u along the row, w across the
 * planes), known only on the planes as chords [c − r, c + r] (the row's inside interval). The model rebuilds that
 * section between and beyond the planes from the squared half-width r², fitted as a polynomial in w through up
 * to three consecutive planes whose row is a single chord, and the chord centre c, linear between planes:
 *  - between two planes that both cut the row: r² from the quadratic(s) through the neighbouring planes (the
 *    mean of the two when both exist, a line with two planes only). Exact when the row section is a circle or an
 *    ellipse (spheres; cylinders and cones lying across the planes) or when r is linear (cones along the normal);
 *  - where the row stops (the next plane does not cut it, or the structure ends): r² is extrapolated from the
 *    planes behind; a row cut on one plane only gets a round end (r² = r₀² − x², the isotropic guess). The row
 *    tapers to r = 0 where that curve reaches zero, if it does within `limit` (the next plane, or one plane
 *    spacing past the last plane); otherwise it ends at the slab convention's reach (`flatReach`), following the
 *    fitted curve up to there (a constant row — a flat face — ends exactly as under the slab model; a widening
 *    one, like a cone's base, keeps widening); a row cut on one plane only then ends flat;
 *  - rows cut into several intervals (holes, concave contours) fall back to the slab model: the nearest plane's
 *    intervals.
 */
/** how a plane cuts a row: not at all, in one chord, or in several intervals */
export const RowState = { None: 0, Single: 1, Several: 2 } as const;

export interface RowChords {
  /** plane positions along the normal, mm (the run's planes, ascending) */
  readonly wMm: Float64Array;
  /** per plane: how the row crosses it */
  readonly state: Uint8Array;
  /** per plane: chord centre and half-width (u, mm) when state is Single */
  readonly centre: Float64Array;
  readonly halfWidth: Float64Array;
}

/** the row's single interval at w between planes k and k+1 (both cut the row as one chord): [lo, hi] in out */
export function betweenChords(row: RowChords, first: number, last: number, k: number, w: number, out: Float64Array): boolean {
  const fits: number[][] = [];
  if (k - 1 >= first && row.state[k - 1] === RowState.Single) fits.push([k - 1, k, k + 1]);
  if (k + 2 <= last && row.state[k + 2] === RowState.Single) fits.push([k, k + 1, k + 2]);
  if (fits.length === 0) fits.push([k, k + 1]);
  let r2 = 0;
  for (const f of fits) r2 += lagrange(row, f, w);
  r2 /= fits.length;
  if (!(r2 > 0)) return false;
  const t = (w - row.wMm[k]) / (row.wMm[k + 1] - row.wMm[k]);
  const c = (1 - t) * row.centre[k] + t * row.centre[k + 1];
  const r = Math.sqrt(r2);
  out[0] = c - r; out[1] = c + r;
  return true;
}

/**
 * The row's interval at w beyond plane j on the side `direction` (+1: increasing w), where the row is not cut
 * again within `limit` mm: the tapered or flat end described above. Writes [lo, hi] into out.
 */
export function beyondChord(row: RowChords, first: number, last: number, j: number, direction: 1 | -1, w: number,
  limit: number, flatReach: number, out: Float64Array): boolean {
  const x = (w - row.wMm[j]) * direction;
  const r0 = row.halfWidth[j];
  out[0] = row.centre[j] - r0; out[1] = row.centre[j] + r0;
  // planes behind j (towards the inside) that cut the row as one chord, up to three including j
  const behind = [j];
  for (let p = j - direction; behind.length < 3 && p >= first && p <= last && row.state[p] === RowState.Single; p -= direction) behind.push(p);
  let a: number, b: number;
  const c0 = r0 * r0;
  if (behind.length === 1) { a = -1; b = 0; } else {
    // r²(x) = a·x² + b·x + c0 through the planes behind, x measured outward from plane j
    const xs = behind.map((p) => (row.wMm[p] - row.wMm[j]) * direction);
    const ys = behind.map((p) => row.halfWidth[p] * row.halfWidth[p]);
    if (behind.length === 2) { a = 0; b = (c0 - ys[1]) / -xs[1]; } else {
      const [, x1, x2] = xs, [, y1, y2] = ys;
      const s1 = (y1 - c0) / x1, s2 = (y2 - c0) / x2;
      a = (s1 - s2) / (x1 - x2);
      b = s1 - a * x1;
    }
  }
  const zero = firstPositiveRoot(a, b, c0);
  if (zero !== null && zero <= limit) {
    if (x >= zero) return false;
    const r2 = a * x * x + b * x + c0;
    if (!(r2 > 0)) return false;
    const r = Math.sqrt(r2);
    out[0] = row.centre[j] - r; out[1] = row.centre[j] + r;
    return true;
  }
  if (!(x < flatReach)) return false;
  if (behind.length === 1) return true;
  // no taper: the row ends at the slab reach, following its fitted trend (a cone's base keeps widening)
  const r2 = a * x * x + b * x + c0;
  if (!(r2 > 0)) return false;
  const r = Math.sqrt(r2);
  out[0] = row.centre[j] - r; out[1] = row.centre[j] + r;
  return true;
}

/** smallest x > 0 with a·x² + b·x + c = 0 (c > 0), or null */
function firstPositiveRoot(a: number, b: number, c: number): number | null {
  if (Math.abs(a) < 1e-12) return b < 0 ? -c / b : null;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return null;
  const sq = Math.sqrt(disc);
  const roots = [(-b - sq) / (2 * a), (-b + sq) / (2 * a)].filter((r) => r > 0).sort((p, q) => p - q);
  return roots.length > 0 ? roots[0] : null;
}

/** the polynomial in w through (wMm[p], halfWidth[p]²) for the planes p listed, at w */
function lagrange(row: RowChords, planes: number[], w: number): number {
  let sum = 0;
  for (const i of planes) {
    let term = row.halfWidth[i] * row.halfWidth[i];
    for (const j of planes) if (j !== i) term *= (w - row.wMm[j]) / (row.wMm[i] - row.wMm[j]);
    sum += term;
  }
  return sum;
}
