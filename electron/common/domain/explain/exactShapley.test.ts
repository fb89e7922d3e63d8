import { describe, expect, it } from 'vitest';
import { exactShapley } from './exactShapley';
import { kernelShap } from './kernelShap';
import type { CoalitionValue } from './shapTypes';

// f(S) = Σ_{i∈S} w_i + c·[0∈S ∧ 1∈S]: Shapley gives φ_i = w_i, plus c/2 to each of players 0 and 1 (derived exactly).
const weights = [0.3, -0.2, 0.5, 0.1, 0.05];
const interaction = 0.4;
const game: CoalitionValue = async (coalitions) => coalitions.map((s) =>
  s.reduce((sum, present, i) => sum + (present ? weights[i] : 0), 0) + (s[0] && s[1] ? interaction : 0));

describe('Shapley values', () => {
  it('exact enumeration reproduces the analytic values of an additive game with one pairwise interaction', async () => {
    const r = await exactShapley(weights.length, game);
    const expected = weights.map((w, i) => w + (i < 2 ? interaction / 2 : 0));
    r.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(r.evaluations).toBe(32);
  });

  it('KernelSHAP satisfies efficiency exactly and approaches the exact values', async () => {
    const exact = await exactShapley(weights.length, game);
    const kernel = await kernelShap(weights.length, game, 2000, 7);
    const sum = kernel.values.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(kernel.fullValue - kernel.baselineValue, 10);
    // additive part is recovered exactly by least squares; the interaction is shared within sampling error
    kernel.values.forEach((v, i) => expect(Math.abs(v - exact.values[i])).toBeLessThan(0.02));
  });

  it('refuses exact enumeration beyond 17 players', async () => {
    await expect(exactShapley(18, game)).rejects.toThrow(/KernelSHAP/);
  });
});
