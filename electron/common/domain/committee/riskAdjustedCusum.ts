/**
 * Risk-adjusted Bernoulli CUSUM (Steiner, Cook, Farewell & Treasure, Biostatistics 2000;1:441–452).
 * Each plan contributes a log-likelihood-ratio weight comparing "odds of deviation multiplied by
 * oddsRatioAlternative" against "as expected for this plan's case mix" (expected probability p_t):
 *   W_t = y_t·ln(R_A) − ln(1 − p_t + R_A·p_t),   S_t = max(0, S_{t−1} + W_t),   signal when S_t > h.
 * Case mix enters through p_t, so a centre that treats harder cases is not flagged for it.
 */
export interface CusumPoint {
  readonly score: number;
  readonly weight: number;
  readonly signal: boolean;
}

export interface CusumOptions {
  /** odds ratio of the deterioration to detect (2 = doubling of the odds) */
  readonly oddsRatioAlternative: number;
  /** decision threshold h */
  readonly threshold: number;
}

export function riskAdjustedCusum(
  outcomes: readonly boolean[],
  expectedProbabilities: readonly number[],
  { oddsRatioAlternative, threshold }: CusumOptions,
): CusumPoint[] {
  if (outcomes.length !== expectedProbabilities.length) throw new Error('riskAdjustedCusum: one expected probability per outcome');
  const logOdds = Math.log(oddsRatioAlternative);
  let score = 0;
  return outcomes.map((deviated, t) => {
    const p = Math.min(Math.max(expectedProbabilities[t], 1e-6), 1 - 1e-6);
    const weight = (deviated ? logOdds : 0) - Math.log(1 - p + oddsRatioAlternative * p);
    score = Math.max(0, score + weight);
    return { score, weight, signal: score > threshold };
  });
}
