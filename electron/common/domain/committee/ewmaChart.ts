/**
 * Exponentially weighted moving-average control charts with exact time-varying limits
 * (Roberts 1959; Montgomery, Introduction to Statistical Quality Control, §9.2).
 */
export interface EwmaPoint {
  readonly statistic: number;
  readonly upperLimit: number;
  readonly lowerLimit: number;
  readonly signal: 'high' | 'low' | null;
}

/**
 * Risk-adjusted EWMA of observed − expected deviations: Z_t = λ(y_t − p_t) + (1 − λ)Z_{t−1}, Z_0 = 0,
 * Var(Z_t) = λ² Σ_i (1 − λ)^{2(t−i)} p_i(1 − p_i). Limits ±L·sd(Z_t). A high signal means more deviations
 * than the case mix explains.
 */
export function riskAdjustedBernoulliEwma(
  outcomes: readonly boolean[], expectedProbabilities: readonly number[], lambda = 0.2, limitWidth = 2.7,
): EwmaPoint[] {
  let statistic = 0;
  let variance = 0;
  return outcomes.map((deviated, t) => {
    const p = expectedProbabilities[t];
    statistic = lambda * ((deviated ? 1 : 0) - p) + (1 - lambda) * statistic;
    variance = lambda * lambda * p * (1 - p) + (1 - lambda) ** 2 * variance;
    const sd = Math.sqrt(variance);
    const signal = statistic > limitWidth * sd ? 'high' : statistic < -limitWidth * sd ? 'low' : null;
    return { statistic, upperLimit: limitWidth * sd, lowerLimit: -limitWidth * sd, signal };
  });
}

/**
 * EWMA of a continuous metric (e.g. contralateral parotid Dmean, Gy) against an in-control mean and sd:
 * limits mean ± L·sd·sqrt(λ/(2−λ)·(1 − (1−λ)^{2t})).
 */
export function metricEwma(values: readonly number[], inControlMean: number, inControlSd: number, lambda = 0.2, limitWidth = 2.7): EwmaPoint[] {
  let statistic = inControlMean;
  return values.map((value, index) => {
    statistic = lambda * value + (1 - lambda) * statistic;
    const t = index + 1;
    const halfWidth = limitWidth * inControlSd * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * t)));
    const upperLimit = inControlMean + halfWidth;
    const lowerLimit = inControlMean - halfWidth;
    return { statistic, upperLimit, lowerLimit, signal: statistic > upperLimit ? 'high' : statistic < lowerLimit ? 'low' : null };
  });
}
