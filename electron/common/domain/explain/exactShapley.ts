import type { CoalitionValue, ShapResult } from './shapTypes';

/** Largest player count for exact enumeration (2^17 = 131 072 model evaluations: the 16 clinical variables and one organ). */
export const MAX_EXACT_PLAYERS = 17;

/**
 * Exact Shapley values by enumerating all 2^M coalitions:
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|!(M−|S|−1)!/M! · (f(S ∪ {i}) − f(S)).
 * Efficiency holds by construction: Σ φ_i = f(N) − f(∅) up to floating-point rounding.
 */
export async function exactShapley(playerCount: number, value: CoalitionValue): Promise<ShapResult> {
  const m = playerCount;
  if (m < 1) throw new Error('exact Shapley needs at least one player');
  if (m > MAX_EXACT_PLAYERS) throw new Error(`exact Shapley over ${m} players needs 2^${m} evaluations; use KernelSHAP`);
  const total = 1 << m;
  const coalitions: boolean[][] = [];
  for (let mask = 0; mask < total; mask++) coalitions.push(Array.from({ length: m }, (_, i) => (mask & (1 << i)) !== 0));
  const f = await value(coalitions);
  if (f.length !== total) throw new Error(`value function returned ${f.length} outputs for ${total} coalitions`);
  const factorial = [1];
  for (let n = 1; n <= m; n++) factorial.push(factorial[n - 1] * n);
  const weightBySize = Array.from({ length: m }, (_, s) => (factorial[s] * factorial[m - s - 1]) / factorial[m]);
  const values = new Array<number>(m).fill(0);
  for (let mask = 0; mask < total; mask++) {
    const size = popcount(mask);
    for (let i = 0; i < m; i++) {
      if (mask & (1 << i)) continue;
      values[i] += weightBySize[size] * (f[mask | (1 << i)] - f[mask]);
    }
  }
  return { values, fullValue: f[total - 1], baselineValue: f[0], method: 'exact', evaluations: total };
}

function popcount(x: number): number {
  let n = 0;
  while (x) { x &= x - 1; n += 1; }
  return n;
}
