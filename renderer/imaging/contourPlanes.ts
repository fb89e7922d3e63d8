/**
 * Structure contours arranged for drawing on 2D views. Contours are closed planar polygons on axial planes
 * (constant z, patient LPS mm). A contour drawn on plane z stands for a slab as thick as the plane spacing
 * (the DVH convention), so an axial view shows the plane within half a spacing of its position, and a sagittal
 * or coronal view shows each plane's cut as a band of that thickness.
 */
export interface ContourPlanes {
  readonly structureId: string;
  /** ascending plane positions, mm */
  readonly planeZsMm: readonly number[];
  /** polygons (flat x,y pairs) per plane, same order as planeZsMm */
  readonly polygonsXy: readonly (readonly Float64Array[])[];
  /** typical plane spacing (median), mm; 0 for a single plane */
  readonly spacingMm: number;
  readonly points: readonly [number, number, number][];
}

export function buildContourPlanes(structureId: string, contours: readonly (readonly number[])[]): ContourPlanes {
  const byPlane = new Map<number, Float64Array[]>();
  const points: [number, number, number][] = [];
  for (const flat of contours) {
    if (flat.length === 3) { points.push([flat[0], flat[1], flat[2]]); continue; }
    if (flat.length < 9) continue;
    // planes are keyed to 1 µm so float noise in the file does not split one plane in two
    const z = Math.round(flat[2] * 1000) / 1000;
    const xy = new Float64Array((flat.length / 3) * 2);
    for (let p = 0, q = 0; p < flat.length; p += 3, q += 2) { xy[q] = flat[p]; xy[q + 1] = flat[p + 1]; }
    const list = byPlane.get(z) ?? [];
    list.push(xy);
    byPlane.set(z, list);
  }
  const planeZsMm = [...byPlane.keys()].sort((a, b) => a - b);
  const gaps = planeZsMm.slice(1).map((z, n) => z - planeZsMm[n]).sort((a, b) => a - b);
  return {
    structureId, planeZsMm, polygonsXy: planeZsMm.map((z) => byPlane.get(z)!),
    spacingMm: gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0, points,
  };
}

/** Index of the plane within half a spacing of zMm (any plane when there is just one within 0.5 mm), or -1. */
export function planeAt(planes: ContourPlanes, zMm: number): number {
  const halfMm = planes.spacingMm > 0 ? planes.spacingMm / 2 : 0.5;
  let best = -1;
  let bestDistance = Infinity;
  planes.planeZsMm.forEach((z, n) => {
    const d = Math.abs(z - zMm);
    if (d <= halfMm + 1e-6 && d < bestDistance) { bestDistance = d; best = n; }
  });
  return best;
}

/**
 * Where a vertical cutting line crosses one plane's polygons: the line is x = valueMm (axis 0) or y = valueMm
 * (axis 1); returns the inside intervals along the other in-plane axis by the even-odd rule (holes excluded).
 */
export function cutIntervals(polygons: readonly Float64Array[], axis: 0 | 1, valueMm: number): [number, number][] {
  const crossings: number[] = [];
  const other = 1 - axis;
  for (const xy of polygons) {
    const n = xy.length / 2;
    for (let p = 0; p < n; p++) {
      const q = (p + 1) % n;
      const a = xy[2 * p + axis];
      const b = xy[2 * q + axis];
      // half-open rule: a vertex on the line is counted once
      if ((a <= valueMm) !== (b <= valueMm)) {
        const t = (valueMm - a) / (b - a);
        crossings.push(xy[2 * p + other] + t * (xy[2 * q + other] - xy[2 * p + other]));
      }
    }
  }
  crossings.sort((u, v) => u - v);
  const intervals: [number, number][] = [];
  for (let c = 0; c + 1 < crossings.length; c += 2) intervals.push([crossings[c], crossings[c + 1]]);
  return intervals;
}
