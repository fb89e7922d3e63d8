/**
 * Exact Euclidean distance (mm) from every voxel outside a binary mask to the nearest voxel inside it
 * (0 inside), on a box of nx·ny·nz voxels with spacings (mm) sx, sy, sz. Separable squared-distance
 * transform of Felzenszwalb & Huttenlocher (2012), one lower-envelope pass per axis: O(voxels).
 */
export function distanceTransform(mask: Uint8Array, nx: number, ny: number, nz: number, sx: number, sy: number, sz: number): Float32Array {
  const INF = 1e20;
  const f = new Float64Array(mask.length);
  for (let i = 0; i < mask.length; i++) f[i] = mask[i] ? 0 : INF;
  const n = Math.max(nx, ny, nz);
  const line = new Float64Array(n), out = new Float64Array(n), z = new Float64Array(n + 1);
  const v = new Int32Array(n);
  const pass = (count: number, stride: number, start: number, spacing: number) => {
    for (let q = 0; q < count; q++) line[q] = f[start + q * stride];
    envelope(line, count, spacing, out, v, z);
    for (let q = 0; q < count; q++) f[start + q * stride] = out[q];
  };
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) pass(nx, 1, nx * (j + ny * k), sx);
  if (ny > 1) for (let k = 0; k < nz; k++) for (let i = 0; i < nx; i++) pass(ny, nx, i + nx * ny * k, sy);
  if (nz > 1) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) pass(nz, nx * ny, i + nx * j, sz);
  const result = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) result[i] = f[i] >= INF / 2 ? 1e6 : Math.sqrt(f[i]);
  return result;
}

/** 1-D squared distance transform of sampled function `g` at positions q·spacing. */
function envelope(g: Float64Array, count: number, spacing: number, out: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  let firstFinite = -1;
  for (let q = 0; q < count; q++) if (g[q] < 1e19) { firstFinite = q; break; }
  if (firstFinite < 0) {
    for (let q = 0; q < count; q++) out[q] = g[q];
    return;
  }
  v[0] = firstFinite;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = firstFinite + 1; q < count; q++) {
    if (g[q] >= 1e19) continue;
    const xq = q * spacing;
    let s: number;
    for (;;) {
      const xv = v[k] * spacing;
      s = ((g[q] + xq * xq) - (g[v[k]] + xv * xv)) / (2 * (xq - xv));
      if (s <= z[k] && k > 0) k--;
      else break;
    }
    if (s <= z[k]) {
      // k === 0 and the new parabola dominates everywhere
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < count; q++) {
    const x = q * spacing;
    while (z[k + 1] < x) k++;
    const dx = x - v[k] * spacing;
    out[q] = dx * dx + g[v[k]];
  }
}
