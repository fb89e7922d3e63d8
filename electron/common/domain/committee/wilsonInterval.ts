/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe, Stat Med 1998, method 3).
 * Behaves well for small counts and rates near 0 or 1, where the Wald interval fails — typical for
 * deviation rates of low-accrual centres.
 */
export interface ProportionInterval {
  readonly proportion: number;
  readonly lower: number;
  readonly upper: number;
}

/** z = 1.959964 gives a two-sided 95 % interval. Returns [0, 1] bounds for n = 0. */
export function wilsonInterval(events: number, trials: number, z = 1.959964): ProportionInterval {
  if (trials <= 0) return { proportion: Number.NaN, lower: 0, upper: 1 };
  const p = events / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { proportion: p, lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}
