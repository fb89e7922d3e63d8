import type { DoseGrid } from '../rt';
import type { StructureSamples } from './sampleStructure';

/**
 * Dose at each sample point by trilinear interpolation on an axis-aligned dose grid (identity orientation,
 * uniform slices, as the generator writes it); 0 Gy outside the grid.
 */
export function sampleDose(samples: StructureSamples, dose: DoseGrid): Float32Array {
  const g = dose.grid;
  const nx = g.columns, ny = g.rows, nz = g.slices;
  const [ox, oy, oz] = g.originMm;
  const dzMm = nz > 1 ? g.sliceOffsetsMm[1] - g.sliceOffsetsMm[0] : 1;
  const p = samples.pointsMm;
  const out = new Float32Array(p.length / 3);
  const d = dose.dose;
  for (let s = 0; s < out.length; s++) {
    const fx = (p[3 * s] - ox) / g.columnSpacingMm, fy = (p[3 * s + 1] - oy) / g.rowSpacingMm, fz = (p[3 * s + 2] - oz - g.sliceOffsetsMm[0]) / dzMm;
    if (fx < 0 || fy < 0 || fz < 0 || fx > nx - 1 || fy > ny - 1 || fz > nz - 1) continue;
    const i = Math.min(nx - 2, Math.floor(fx)), j = Math.min(ny - 2, Math.floor(fy)), k = Math.min(nz - 2, Math.floor(fz));
    const tx = fx - i, ty = fy - j, tz = fz - k;
    const b = i + nx * (j + ny * k), sy = nx, sz = nx * ny;
    const c00 = d[b] + tx * (d[b + 1] - d[b]);
    const c10 = d[b + sy] + tx * (d[b + sy + 1] - d[b + sy]);
    const c01 = d[b + sz] + tx * (d[b + sz + 1] - d[b + sz]);
    const c11 = d[b + sy + sz] + tx * (d[b + sy + sz + 1] - d[b + sy + sz]);
    const c0 = c00 + ty * (c10 - c00), c1 = c01 + ty * (c11 - c01);
    out[s] = c0 + tz * (c1 - c0);
  }
  return out;
}

/** k-th smallest value (0-based) of `values`, reordering them in place (Hoare quickselect, O(n)). */
function selectKth(values: Float32Array, k: number): number {
  let lo = 0, hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) { const t = values[i]; values[i] = values[j]; values[j] = t; i++; j--; }
    }
    if (k <= j) hi = j; else if (k >= i) lo = i; else return values[k];
  }
  return values[k];
}

/**
 * A DVH metric (Dmean, Dmax, Dmin, D<x>%, D<x>cc, DC<x>cc, V<x>Gy as %) from sampled doses (each point
 * `weightMm3`); `doses` may be reordered. Null for a metric it cannot parse or a volume larger than the structure.
 */
export function sampledMetric(doses: Float32Array, weightMm3: number, metric: string): number | null {
  const n = doses.length;
  if (n === 0) return null;
  if (metric === 'Dmean') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += doses[i];
    return sum / n;
  }
  if (metric === 'Dmax' || metric === 'Dmin') {
    let best = doses[0];
    for (let i = 1; i < n; i++) best = metric === 'Dmax' ? Math.max(best, doses[i]) : Math.min(best, doses[i]);
    return best;
  }
  const hottest = /^D(\d+(?:\.\d+)?)(%|cc)$/.exec(metric);
  if (hottest) {
    const x = Number(hottest[1]);
    const count = hottest[2] === '%' ? (x / 100) * n : (x * 1000) / weightMm3;
    if (count > n) return null;
    return selectKth(doses, Math.max(0, Math.min(n - 1, n - Math.max(1, Math.round(count)))));
  }
  const coldest = /^DC(\d+(?:\.\d+)?)cc$/.exec(metric);
  if (coldest) {
    const count = (Number(coldest[1]) * 1000) / weightMm3;
    if (count > n) return null;
    return selectKth(doses, Math.max(0, Math.round(count) - 1));
  }
  const v = /^V(\d+(?:\.\d+)?)Gy$/.exec(metric);
  if (v) {
    const threshold = Number(v[1]);
    let above = 0;
    for (let i = 0; i < n; i++) if (doses[i] >= threshold) above++;
    return (100 * above) / n;
  }
  return null;
}
