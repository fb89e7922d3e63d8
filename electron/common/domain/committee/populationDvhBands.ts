/**
 * Percentile bands of cumulative DVHs across plans, for the committee's population DVH of one structure.
 * Curves are given in relative volume (%) so structures of different size compare; each is resampled
 * onto a shared dose axis (step doseStepGy) by linear interpolation, beyond its maximum dose it is 0 %.
 */
export interface DvhCurvePercent {
  readonly doseGy: ArrayLike<number>;
  readonly volumePercent: ArrayLike<number>;
}

export interface DvhBands {
  readonly doseGy: number[];
  /** percentile (e.g. 5, 25, 50, 75, 95) → volume % at each dose */
  readonly bands: Record<number, number[]>;
}

export function populationDvhBands(curves: readonly DvhCurvePercent[], doseStepGy = 0.5, percentiles = [5, 25, 50, 75, 95]): DvhBands {
  const maxDoseGy = Math.max(0, ...curves.map((c) => c.doseGy[c.doseGy.length - 1] ?? 0));
  const doseGy: number[] = [];
  for (let d = 0; d <= maxDoseGy + 1e-9; d += doseStepGy) doseGy.push(d);
  const resampled = curves.map((curve) => doseGy.map((d) => volumeAtDose(curve, d)));
  const bands: Record<number, number[]> = {};
  for (const q of percentiles) {
    bands[q] = doseGy.map((_, i) => percentile(resampled.map((r) => r[i]), q));
  }
  return { doseGy, bands };
}

function volumeAtDose(curve: DvhCurvePercent, doseGy: number): number {
  const { doseGy: x, volumePercent: y } = curve;
  if (x.length === 0 || doseGy > x[x.length - 1]) return 0;
  if (doseGy <= x[0]) return y[0];
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= doseGy) lo = mid; else hi = mid;
  }
  const t = (doseGy - x[lo]) / (x[hi] - x[lo] || 1);
  return y[lo] + t * (y[hi] - y[lo]);
}

/** Linear-interpolation percentile (the "R-7"/Excel PERCENTILE.INC definition). */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (q / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}
