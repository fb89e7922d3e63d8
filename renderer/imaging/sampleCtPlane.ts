/**
 * The CT plane a 2D view shows, drawn on the CPU the way cornerstone's volume viewport draws it on the GPU, for the
 * scrolling fast path (see renderer/features/viewer2d/paintCtPlane.ts): without a GPU, WebGL is rasterised in
 * software and one cornerstone render of the axial view takes far longer than a frame.
 *
 * Same image as cornerstone's, by the same steps: the 3D texture is sampled with linear filtering (trilinear
 * interpolation of the stored HU, clamped at the edge voxels), then the VOI window maps HU linearly to grey
 * (lower → 0, upper → 1, clamped) and the 8-bit framebuffer rounds to the nearest level. Interpolating first and
 * windowing second matters: windowing first and then smoothing blurs the body edge and the noise (an earlier
 * attempt did that and its greys differed by tens of levels there). Where the pixel centre lies outside the
 * volume's bounds (voxel centre 0 … n − 1 on each axis, as vtk.js bounds an image) the view is black.
 *
 * Pure: no DOM, no cornerstone. The caller gives the affine map output pixel → continuous voxel index.
 */

/** Continuous voxel index (i, j, k) of output pixel (x, y): originIndex + x·stepX + y·stepY (pixel centres). */
export interface PlaneSampling {
  /** voxel index at the centre of output pixel (0, 0) */
  readonly originIndex: readonly [number, number, number];
  /** index change for one output pixel to the right */
  readonly stepX: readonly [number, number, number];
  /** index change for one output pixel down */
  readonly stepY: readonly [number, number, number];
}

/** VOI window in HU: grey 0 at lowerHu, 255 at upperHu. */
export interface HuWindow { readonly lowerHu: number; readonly upperHu: number }

/** Opaque black (cornerstone's background), as a little-endian RGBA word. */
const BLACK_RGBA = 0xff000000;
/** index tolerance for "on the volume's bounds": camera maths in float64 leaves ~1e-12 of noise */
const EDGE_EPS = 1e-6;
/** interpolation weights closer than this to 0 or 1 are taken as exactly on a voxel (see axisSamples) */
const SNAP_EPS = 1e-6;

/** Opaque grey RGBA words for levels 0…255 (little-endian: R, G, B, A bytes). */
const GREY_RGBA = (() => {
  const words = new Uint32Array(256);
  for (let g = 0; g < 256; g++) words[g] = (0xff000000 | (g << 16) | (g << 8) | g) >>> 0;
  return words;
})();

/**
 * Fills `out` (width × height RGBA pixels, row by row) with the windowed CT plane. `values` holds HU as
 * value[i + columns·(j + rows·k)].
 */
export function sampleCtPlane(out: Uint8ClampedArray, width: number, height: number, values: Int16Array | Float32Array,
  dimensions: readonly [number, number, number], sampling: PlaneSampling, window: HuWindow): void {
  if (!sampleAlignedPlane(out, width, height, values, dimensions, sampling, window)) sampleAnyPlane(out, width, height, values, dimensions, sampling, window);
}

/** Any plane: each pixel's voxel position and weights from scratch. */
export function sampleAnyPlane(out: Uint8ClampedArray, width: number, height: number, values: Int16Array | Float32Array,
  dimensions: readonly [number, number, number], sampling: PlaneSampling, window: HuWindow): void {
  const words = new Uint32Array(out.buffer, out.byteOffset, width * height);
  const [nx, ny, nz] = dimensions;
  const sx = nx; const sxy = nx * ny;
  const [oi, oj, ok] = sampling.originIndex;
  const [xi, xj, xk] = sampling.stepX;
  const [yi, yj, yk] = sampling.stepY;
  const lower = window.lowerHu;
  const scale = 255 / Math.max(window.upperHu - window.lowerHu, 1e-6);
  const maxI = nx - 1; const maxJ = ny - 1; const maxK = nz - 1;
  let p = 0;
  for (let y = 0; y < height; y++) {
    let fi = oi + y * yi; let fj = oj + y * yj; let fk = ok + y * yk;
    for (let x = 0; x < width; x++, p++, fi += xi, fj += xj, fk += xk) {
      if (fi < -EDGE_EPS || fj < -EDGE_EPS || fk < -EDGE_EPS || fi > maxI + EDGE_EPS || fj > maxJ + EDGE_EPS || fk > maxK + EDGE_EPS) {
        words[p] = BLACK_RGBA;
        continue;
      }
      // the lower corner voxel and the weights of the upper ones; clamping the corner keeps the last voxel exact
      const ci = fi <= 0 ? 0 : fi >= maxI ? Math.max(maxI - 1, 0) : Math.floor(fi);
      const cj = fj <= 0 ? 0 : fj >= maxJ ? Math.max(maxJ - 1, 0) : Math.floor(fj);
      const ck = fk <= 0 ? 0 : fk >= maxK ? Math.max(maxK - 1, 0) : Math.floor(fk);
      const wi = nx > 1 ? Math.min(Math.max(fi - ci, 0), 1) : 0;
      const wj = ny > 1 ? Math.min(Math.max(fj - cj, 0), 1) : 0;
      const wk = nz > 1 ? Math.min(Math.max(fk - ck, 0), 1) : 0;
      const di = nx > 1 ? 1 : 0; const dj = ny > 1 ? sx : 0;
      let base = ci + cj * sx + ck * sxy;
      let hu = bilinear(values, base, di, dj, wi, wj);
      // an axial view sits on slice centres (wk = 0): skip the second slice
      if (wk > 0) { base += sxy; hu += (bilinear(values, base, di, dj, wi, wj) - hu) * wk; }
      const level = (hu - lower) * scale;
      words[p] = GREY_RGBA[level <= 0 ? 0 : level >= 255 ? 255 : Math.round(level)];
    }
  }
}

function bilinear(values: Int16Array | Float32Array, base: number, di: number, dj: number, wi: number, wj: number): number {
  const a = values[base]; const b = values[base + di];
  const c = values[base + dj]; const d = values[base + dj + di];
  const top = a + (b - a) * wi;
  return top + (c + (d - c) * wi - top) * wj;
}

/** one grid axis's lower voxel, its weight toward the next one, and whether the position is inside the bounds */
interface AxisSample { readonly offset: Int32Array; readonly weight: Float64Array; readonly inside: Uint8Array }

function axisSamples(count: number, start: number, step: number, size: number, stride: number): AxisSample {
  const offset = new Int32Array(count); const weight = new Float64Array(count); const inside = new Uint8Array(count);
  const max = size - 1;
  for (let n = 0; n < count; n++) {
    const f = start + n * step;
    if (f < -EDGE_EPS || f > max + EDGE_EPS) continue;
    let c = f <= 0 ? 0 : f >= max ? Math.max(max - 1, 0) : Math.floor(f);
    let w = size > 1 ? Math.min(Math.max(f - c, 0), 1) : 0;
    // a view on a slice centre lands there only up to float noise (k = 33.0000001 or 32.9999999): read that one
    // slice (the second one would change the HU by < 0.001 and cost a second read per pixel)
    if (w < SNAP_EPS) w = 0;
    else if (w > 1 - SNAP_EPS && c + 1 <= max - 1) { c += 1; w = 0; }
    inside[n] = 1;
    offset[n] = c * stride;
    weight[n] = w;
  }
  return { offset, weight, inside };
}

/**
 * The usual case, a view aligned with the grid (axial, sagittal, coronal at any zoom and pan): one grid axis follows
 * the pixel column, one the row and the third is fixed, so the voxel offsets and weights are computed once per column
 * and once per row. Same arithmetic as sampleAnyPlane. Returns false (nothing drawn) for any other plane.
 */
export function sampleAlignedPlane(out: Uint8ClampedArray, width: number, height: number, values: Int16Array | Float32Array,
  dimensions: readonly [number, number, number], sampling: PlaneSampling, window: HuWindow): boolean {
  const tiny = 1e-9;
  const strides = [1, dimensions[0], dimensions[0] * dimensions[1]];
  let alongX = -1; let alongY = -1; let fixed = -1;
  for (let a = 0; a < 3; a++) {
    const movesX = Math.abs(sampling.stepX[a]) > tiny; const movesY = Math.abs(sampling.stepY[a]) > tiny;
    if (movesX && movesY) return false;
    if (movesX) { if (alongX >= 0) return false; alongX = a; } else if (movesY) { if (alongY >= 0) return false; alongY = a; } else fixed = a;
  }
  if (alongX < 0 || alongY < 0 || fixed < 0) return false;
  const step = (a: number) => (dimensions[a] > 1 ? strides[a] : 0);
  const cols = axisSamples(width, sampling.originIndex[alongX], sampling.stepX[alongX], dimensions[alongX], strides[alongX]);
  const rows = axisSamples(height, sampling.originIndex[alongY], sampling.stepY[alongY], dimensions[alongY], strides[alongY]);
  const plane = axisSamples(1, sampling.originIndex[fixed], 0, dimensions[fixed], strides[fixed]);
  const words = new Uint32Array(out.buffer, out.byteOffset, width * height);
  if (!plane.inside[0]) { words.fill(BLACK_RGBA); return true; }
  const dX = step(alongX); const dY = step(alongY); const dZ = step(fixed);
  const wZ = plane.weight[0];
  const lower = window.lowerHu;
  const scale = 255 / Math.max(window.upperHu - window.lowerHu, 1e-6);
  const { offset: colOffset, weight: colWeight, inside: colInside } = cols;
  // The view on a voxel plane (wZ = 0, the axial view while scrolling): a zoomed view shows each voxel row on several
  // pixel rows, so interpolate each voxel row along x once (`lineAt`) and only between two such lines per pixel —
  // the same terms in the same order as bilinear(), so the same result to the bit.
  const lines = wZ === 0 ? new LinePair(values, width, colOffset, colWeight, colInside, dX) : null;
  for (let y = 0, p = 0; y < height; y++) {
    if (!rows.inside[y]) { words.fill(BLACK_RGBA, p, p + width); p += width; continue; }
    const rowBase = rows.offset[y] + plane.offset[0];
    const wY = rows.weight[y];
    if (lines) {
      const top = lines.lineAt(rowBase); const bottom = lines.lineAt(rowBase + dY);
      for (let x = 0; x < width; x++, p++) {
        if (!colInside[x]) { words[p] = BLACK_RGBA; continue; }
        const t = top[x];
        const level = (t + (bottom[x] - t) * wY - lower) * scale;
        words[p] = GREY_RGBA[level <= 0 ? 0 : level >= 255 ? 255 : Math.round(level)];
      }
      continue;
    }
    for (let x = 0; x < width; x++, p++) {
      if (!colInside[x]) { words[p] = BLACK_RGBA; continue; }
      const base = rowBase + colOffset[x];
      const wX = colWeight[x];
      let hu = bilinear(values, base, dX, dY, wX, wY);
      hu += (bilinear(values, base + dZ, dX, dY, wX, wY) - hu) * wZ;
      const level = (hu - lower) * scale;
      words[p] = GREY_RGBA[level <= 0 ? 0 : level >= 255 ? 255 : Math.round(level)];
    }
  }
  return true;
}

/**
 * Voxel rows interpolated along the view's x axis, for two rows at a time (the pixel rows walk down the voxel rows
 * in order, so the row below becomes the row above: two slots are enough).
 */
class LinePair {
  private readonly slots: [Float64Array, Float64Array];
  private readonly bases = [Number.NaN, Number.NaN];
  private next = 0;

  constructor(private readonly values: Int16Array | Float32Array, width: number, private readonly colOffset: Int32Array,
    private readonly colWeight: Float64Array, private readonly colInside: Uint8Array, private readonly dX: number) {
    this.slots = [new Float64Array(width), new Float64Array(width)];
  }

  /** values[base + column offset] interpolated toward the next voxel along x, for every pixel column */
  lineAt(base: number): Float64Array {
    if (this.bases[0] === base) return this.slots[0];
    if (this.bases[1] === base) return this.slots[1];
    // the other row of the pair is still needed: overwrite the one used longest ago
    const slot = this.next;
    this.next = 1 - slot;
    this.bases[slot] = base;
    const line = this.slots[slot];
    const { values, colOffset, colWeight, colInside, dX } = this;
    for (let x = 0; x < line.length; x++) {
      if (!colInside[x]) continue;
      const at = base + colOffset[x];
      const a = values[at];
      line[x] = a + (values[at + dX] - a) * colWeight[x];
    }
    return line;
  }
}
