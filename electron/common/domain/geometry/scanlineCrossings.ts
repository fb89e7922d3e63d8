/**
 * The edges of all polygons on one contour plane, flattened for fast scanline queries.
 * Coordinates are in-plane (u, v), mm. Several polygons together follow the even-odd rule: a point is inside
 * when a ray from it crosses an odd number of edges, so holes and islands need no special handling.
 */
export interface PlaneEdges {
  /** per edge: u0, v0, u1, v1 */
  readonly edges: Float64Array;
  readonly edgeCount: number;
  readonly minU: number;
  readonly maxU: number;
  readonly minV: number;
  readonly maxV: number;
}

export function planeEdgesFromPolygons(polygons: readonly Float64Array[]): PlaneEdges {
  let total = 0;
  for (const poly of polygons) total += poly.length >> 1;
  const edges = new Float64Array(total * 4);
  let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
  let e = 0;
  for (const poly of polygons) {
    const count = poly.length >> 1;
    for (let a = 0; a < count; a++) {
      const b = a + 1 === count ? 0 : a + 1;
      const u0 = poly[2 * a], v0 = poly[2 * a + 1];
      edges[e++] = u0; edges[e++] = v0; edges[e++] = poly[2 * b]; edges[e++] = poly[2 * b + 1];
      if (u0 < minU) minU = u0;
      if (u0 > maxU) maxU = u0;
      if (v0 < minV) minV = v0;
      if (v0 > maxV) maxV = v0;
    }
  }
  return { edges, edgeCount: total, minU, maxU, minV, maxV };
}

/**
 * Writes into `out` the sorted u positions (mm) where the line v = const crosses the plane's edges and returns
 * how many. Consecutive pairs [out[0], out[1]], [out[2], out[3]], … are the inside intervals (even-odd).
 * Half-open vertex rule (v0 > v) !== (v1 > v) counts a vertex shared by two edges exactly once.
 * `out` must hold at least edgeCount numbers.
 */
export function scanlineCrossings(plane: PlaneEdges, v: number, out: Float64Array): number {
  const edges = plane.edges;
  let n = 0;
  for (let e = 0, end = plane.edgeCount * 4; e < end; e += 4) {
    const v0 = edges[e + 1], v1 = edges[e + 3];
    if ((v0 > v) !== (v1 > v)) {
      const u0 = edges[e];
      out[n++] = u0 + ((v - v0) * (edges[e + 2] - u0)) / (v1 - v0);
    }
  }
  sortFirst(out, n);
  return n;
}

/**
 * Scanline crossings for rows visited in increasing v, with an active-edge list: each row only looks at the
 * edges that span it instead of every edge of the plane (contours of a body outline have 1 000+ points).
 * Call reset() before a new top-to-bottom pass.
 */
export class ScanlineWalker {
  /** edge indices sorted by their lower v */
  private readonly order: Int32Array;
  private readonly lowV: Float64Array;
  private readonly highV: Float64Array;
  private readonly active: Int32Array;
  private activeCount = 0;
  private next = 0;

  constructor(private readonly plane: PlaneEdges) {
    const n = plane.edgeCount;
    const e = plane.edges;
    this.lowV = new Float64Array(n);
    this.highV = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const v0 = e[4 * k + 1], v1 = e[4 * k + 3];
      this.lowV[k] = Math.min(v0, v1);
      this.highV[k] = Math.max(v0, v1);
    }
    const lowV = this.lowV;
    this.order = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => lowV[a] - lowV[b]);
    this.active = new Int32Array(n);
  }

  reset(): void {
    this.activeCount = 0;
    this.next = 0;
  }

  /** like scanlineCrossings, for v not smaller than the previous call's since reset() */
  crossingsAt(v: number, out: Float64Array): number {
    const { order, lowV, highV, active } = this;
    while (this.next < order.length && lowV[order[this.next]] <= v) active[this.activeCount++] = order[this.next++];
    const edges = this.plane.edges;
    let kept = 0;
    let n = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const k = active[a];
      if (highV[k] < v) continue; // finished: drop it from the list
      active[kept++] = k;
      const v0 = edges[4 * k + 1], v1 = edges[4 * k + 3];
      if ((v0 > v) !== (v1 > v)) {
        const u0 = edges[4 * k];
        out[n++] = u0 + ((v - v0) * (edges[4 * k + 2] - u0)) / (v1 - v0);
      }
    }
    this.activeCount = kept;
    sortFirst(out, n);
    return n;
  }
}

/** Sorts out[0..n) ascending. Insertion sort: a row crosses few edges (2–20), faster than a typed-array sort call. */
function sortFirst(out: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = out[i];
    let j = i - 1;
    while (j >= 0 && out[j] > x) { out[j + 1] = out[j]; j--; }
    out[j + 1] = x;
  }
}
