/**
 * Cochran–Armitage test for a trend in proportions (Armitage, Biometrics 1955), here with one plan per
 * "dose" level: scores t_i (e.g. days since the centre's first plan), outcomes y_i ∈ {0, 1}.
 *   z = Σ (t_i − t̄)·y_i / sqrt( p̄(1 − p̄) · Σ (t_i − t̄)² )
 * A large positive z means deviations become more frequent over time. Null when undefined (no events,
 * all events, or all scores equal).
 */
export function cochranArmitageZ(scores: readonly number[], outcomes: readonly boolean[]): number | null {
  const n = scores.length;
  if (n !== outcomes.length) throw new Error('cochranArmitageZ: one outcome per score');
  if (n < 2) return null;
  const meanScore = scores.reduce((a, b) => a + b, 0) / n;
  const events = outcomes.filter(Boolean).length;
  const p = events / n;
  let numerator = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const centred = scores[i] - meanScore;
    if (outcomes[i]) numerator += centred;
    sumSquares += centred * centred;
  }
  const variance = p * (1 - p) * sumSquares;
  return variance > 0 ? numerator / Math.sqrt(variance) : null;
}
