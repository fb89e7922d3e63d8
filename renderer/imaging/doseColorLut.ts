/**
 * The dose colourwash colours: blue (low) → cyan → green → yellow → red (high), as planning systems show it.
 * A 256-entry RGB table over the displayed dose range; positions are fractions of that range.
 */
const STOPS: readonly [number, number, number, number][] = [
  [0, 0.05, 0.1, 0.9], [0.25, 0, 0.75, 1], [0.5, 0.1, 0.9, 0.2], [0.75, 1, 0.9, 0], [1, 1, 0.05, 0.05],
];

export const DOSE_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let n = 0; n < 256; n++) {
    const t = n / 255;
    let s = 0;
    while (s < STOPS.length - 2 && t > STOPS[s + 1][0]) s++;
    const [t0, r0, g0, b0] = STOPS[s];
    const [t1, r1, g1, b1] = STOPS[s + 1];
    const f = (t - t0) / (t1 - t0);
    lut[3 * n] = 255 * (r0 + f * (r1 - r0));
    lut[3 * n + 1] = 255 * (g0 + f * (g1 - g0));
    lut[3 * n + 2] = 255 * (b0 + f * (b1 - b0));
  }
  return lut;
})();

/**
 * RGBA pixels of a dose plane (field[u + width·v], Gy): transparent below minGy so the anatomy stays visible,
 * colour by the table between minGy and maxGy (clamped above), alpha = opacity (0–1).
 */
export function doseWashPixels(field: Float32Array, minGy: number, maxGy: number, opacity: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(field.length * 4));
  const span = Math.max(1e-6, maxGy - minGy);
  const alpha = Math.round(255 * Math.min(1, Math.max(0, opacity)));
  for (let p = 0; p < field.length; p++) {
    const doseGy = field[p];
    if (!(doseGy >= minGy)) continue;
    const n = Math.min(255, Math.round((255 * (doseGy - minGy)) / span));
    out[4 * p] = DOSE_LUT[3 * n];
    out[4 * p + 1] = DOSE_LUT[3 * n + 1];
    out[4 * p + 2] = DOSE_LUT[3 * n + 2];
    out[4 * p + 3] = alpha;
  }
  return out;
}
