import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa } from './kappa';
import { metricEwma, riskAdjustedBernoulliEwma } from './ewmaChart';
import { percentile, populationDvhBands } from './populationDvhBands';
import { riskAdjustedCusum } from './riskAdjustedCusum';
import { cochranArmitageZ } from './trendTest';
import { wilsonInterval } from './wilsonInterval';

describe('wilsonInterval', () => {
  it('reproduces Newcombe (Stat Med 1998) method 3 for 81/263 and 0/10 to 4 decimals', () => {
    const a = wilsonInterval(81, 263);
    expect(a.lower).toBeCloseTo(0.2553, 4);
    expect(a.upper).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(0, 10);
    expect(b.lower).toBe(0);
    expect(b.upper).toBeCloseTo(0.2775, 4);
  });
  it('gives the whole range for no trials', () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ lower: 0, upper: 1 });
  });
});

describe('cohenKappa', () => {
  it('reproduces the textbook example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.40', () => {
    const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
  });
  it('is 1 for perfect agreement and null when chance agreement is certain', () => {
    expect(cohenKappa(['major', 'minor', 'per_protocol'], ['major', 'minor', 'per_protocol'])).toBe(1);
    expect(cohenKappa(['minor', 'minor'], ['minor', 'minor'])).toBeNull();
  });
});

describe('fleissKappa', () => {
  it('reproduces Fleiss\' worked example (10 subjects, 14 raters, 5 categories) κ = 0.210', () => {
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
  });
  it('refuses subjects with different numbers of ratings', () => {
    expect(() => fleissKappa([[1, 1], [2, 1]])).toThrow(/same number of ratings/);
  });
});

describe('riskAdjustedCusum', () => {
  it('uses the Steiner et al. weights: p = 0.5, R = 2 → W = ln(2/1.5) on a deviation, −ln 1.5 otherwise', () => {
    const points = riskAdjustedCusum([true, true, false], [0.5, 0.5, 0.5], { oddsRatioAlternative: 2, threshold: 0.5 });
    expect(points[0].weight).toBeCloseTo(Math.log(2 / 1.5), 12);
    expect(points[1].score).toBeCloseTo(2 * Math.log(2 / 1.5), 12);
    expect(points[1].signal).toBe(true);
    expect(points[2].score).toBeCloseTo(Math.max(0, 2 * Math.log(2 / 1.5) - Math.log(1.5)), 12);
  });
  it('never goes below zero', () => {
    const points = riskAdjustedCusum([false, false, false], [0.3, 0.3, 0.3], { oddsRatioAlternative: 2, threshold: 4 });
    expect(points.every((p) => p.score === 0)).toBe(true);
  });
});

describe('EWMA charts', () => {
  it('risk-adjusted EWMA: Z1 = λ(1 − p), sd1 = λ·sqrt(p(1 − p))', () => {
    const [first] = riskAdjustedBernoulliEwma([true], [0.2], 0.2, 3);
    expect(first.statistic).toBeCloseTo(0.2 * 0.8, 12);
    expect(first.upperLimit).toBeCloseTo(3 * 0.2 * Math.sqrt(0.16), 12);
  });
  it('metric EWMA limits approach mean ± L·σ·sqrt(λ/(2−λ))', () => {
    const points = metricEwma(new Array(200).fill(20), 20, 4, 0.2, 3);
    expect(points[199].upperLimit).toBeCloseTo(20 + 3 * 4 * Math.sqrt(0.2 / 1.8), 9);
    expect(points.every((p) => p.signal === null)).toBe(true);
    expect(metricEwma([40, 40, 40], 20, 4).at(-1)?.signal).toBe('high');
  });
});

describe('populationDvhBands', () => {
  it('uses the linear-interpolation percentile', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 25)).toBe(1.75);
  });
  it('bands two linear DVHs exactly', () => {
    const a = { doseGy: [0, 10], volumePercent: [100, 0] };
    const b = { doseGy: [0, 20], volumePercent: [100, 0] };
    const { doseGy, bands } = populationDvhBands([a, b], 5, [0, 50, 100]);
    expect(doseGy).toEqual([0, 5, 10, 15, 20]);
    expect(bands[50]).toEqual([100, 62.5, 25, 12.5, 0]);
    expect(bands[0]).toEqual([100, 50, 0, 0, 0]);
  });
});

describe('cochranArmitageZ', () => {
  it('scores 1..4, outcomes 0,0,1,1: z = 2 / sqrt(0.25 · 5) (derived by hand)', () => {
    expect(cochranArmitageZ([1, 2, 3, 4], [false, false, true, true])).toBeCloseTo(2 / Math.sqrt(1.25), 12);
  });
  it('is negative for a falling rate and null without events', () => {
    expect(cochranArmitageZ([1, 2, 3, 4], [true, true, false, false])).toBeCloseTo(-2 / Math.sqrt(1.25), 12);
    expect(cochranArmitageZ([1, 2, 3], [false, false, false])).toBeNull();
  });
});
