/**
 * The risk map's colours: purple, apart from the dose wash's blue → red table so the two never read as one scale.
 * Pale lavender at low relative risk → deep violet at the highest (1); more opaque the higher the risk.
 */
const LOW_RGB = [205, 170, 255] as const;
const HIGH_RGB = [130, 20, 210] as const;

/** Relative risk below which a voxel stays transparent: the map is 0 outside the sampled patches. */
export const RISK_FLOOR = 0.02;

/**
 * RGBA pixels of a risk plane (field[u + width·v], relative risk 0–1): transparent at or below RISK_FLOOR,
 * colour from LOW_RGB to HIGH_RGB with the value, alpha = opacity · (0.3 + 0.7 · value), so that the highest risk
 * shows at exactly the chosen opacity and the faint parts do not hide the anatomy.
 */
export function riskWashPixels(field: Float32Array, opacity: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(field.length * 4));
  const o = Math.min(1, Math.max(0, opacity));
  for (let p = 0; p < field.length; p++) {
    const risk = field[p];
    if (!(risk > RISK_FLOOR)) continue;
    const t = Math.min(1, risk);
    out[4 * p] = Math.round(LOW_RGB[0] + t * (HIGH_RGB[0] - LOW_RGB[0]));
    out[4 * p + 1] = Math.round(LOW_RGB[1] + t * (HIGH_RGB[1] - LOW_RGB[1]));
    out[4 * p + 2] = Math.round(LOW_RGB[2] + t * (HIGH_RGB[2] - LOW_RGB[2]));
    out[4 * p + 3] = Math.round(255 * o * (0.3 + 0.7 * t));
  }
  return out;
}
