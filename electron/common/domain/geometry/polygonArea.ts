/**
 * Signed area (shoelace) of a closed polygon given as flat u,v pairs, mm²: positive when counter-clockwise.
 */
export function signedPolygonArea(uv: Float64Array): number {
  const count = uv.length >> 1;
  let twice = 0;
  for (let a = 0, b = count - 1; a < count; b = a, a++) {
    twice += uv[2 * b] * uv[2 * a + 1] - uv[2 * a] * uv[2 * b + 1];
  }
  return twice / 2;
}

/** Even-odd point-in-polygon test for a polygon given as flat u,v pairs (mm). */
export function pointInPolygon(u: number, v: number, uv: Float64Array): boolean {
  const count = uv.length >> 1;
  let inside = false;
  for (let a = 0, b = count - 1; a < count; b = a, a++) {
    const ua = uv[2 * a], va = uv[2 * a + 1], ub = uv[2 * b], vb = uv[2 * b + 1];
    if ((va > v) !== (vb > v) && u < ((ub - ua) * (v - va)) / (vb - va) + ua) inside = !inside;
  }
  return inside;
}

/**
 * Area of the even-odd union of the polygons on one plane, mm²: each polygon counts with sign (−1)^depth,
 * depth = how many other polygons contain it. Exact for nested, non-crossing contours (holes, islands in
 * holes, keyholes drawn as separate rings). Crossing contours have no such exact form; the caller compares
 * this with the scanline area and warns when they disagree.
 */
export function evenOddArea(polygons: readonly Float64Array[]): number {
  let area = 0;
  for (let i = 0; i < polygons.length; i++) {
    const poly = polygons[i];
    let depth = 0;
    // nested contours do not cross, so any vertex tells whether the whole ring lies inside another one
    for (let j = 0; j < polygons.length; j++) if (j !== i && pointInPolygon(poly[0], poly[1], polygons[j])) depth++;
    area += (depth % 2 === 0 ? 1 : -1) * Math.abs(signedPolygonArea(poly));
  }
  return area;
}
