import { describe, expect, it } from 'vitest';
import { eqd2Gy, eqd2Sensitivity } from './eqd2';
import { BORDERLINE_COVERAGE_K, gradeMeasurement } from './gradeMeasurement';
import { worstGrade } from './worstGrade';

// All expected numbers below are derived by hand from the definitions (tolerance 1e-9 for float noise).
describe('gradeMeasurement (upper limit: cord D0.03cc per protocol ≤ 45 Gy, minor ≤ 48 Gy)', () => {
  const limits = { comparator: '<=' as const, perProtocol: 45, minor: 48 };
  it('a value exactly at the per-protocol limit is per protocol with margin 0 (limits are inclusive)', () => {
    const g = gradeMeasurement(45, 0, limits);
    expect(g.grade).toBe('per_protocol');
    expect(g.marginToNextGrade).toBe(0);
  });
  it('inside: 43.2 Gy → per protocol, 1.8 Gy of room', () => {
    const g = gradeMeasurement(43.2, 0.1, limits);
    expect(g).toMatchObject({ grade: 'per_protocol', marginLimit: 45, borderline: false });
    expect(g.marginToNextGrade).toBeCloseTo(1.8, 9);
  });
  it('minor band: 46.5 Gy → minor, 1.5 Gy before major; exactly 48 is still minor', () => {
    const g = gradeMeasurement(46.5, 0, limits);
    expect(g.grade).toBe('minor');
    expect(g.marginToNextGrade).toBeCloseTo(1.5, 9);
    expect(gradeMeasurement(48, 0, limits).grade).toBe('minor');
  });
  it('beyond the minor limit: 50.25 Gy → major, margin −2.25 Gy (distance beyond the last acceptable limit)', () => {
    const g = gradeMeasurement(50.25, 0, limits);
    expect(g.grade).toBe('major');
    expect(g.marginToNextGrade).toBeCloseTo(-2.25, 9);
    expect(g.marginLimit).toBe(48);
  });
  it('without a minor band anything beyond per protocol is major', () => {
    const g = gradeMeasurement(45.01, 0, { comparator: '<=', perProtocol: 45 });
    expect(g.grade).toBe('major');
    expect(g.marginToNextGrade).toBeCloseTo(-0.01, 9);
  });
});

describe('gradeMeasurement (lower limit: PTV D95% ≥ 100 %Rx, minor ≥ 95 %Rx)', () => {
  const limits = { comparator: '>=' as const, perProtocol: 100, minor: 95 };
  it('%Rx conversion: D95 = 66.85 Gy of 70 Gy = 95.5 %Rx → minor with 0.5 %Rx room', () => {
    const percentRx = (100 * 66.85) / 70;
    expect(percentRx).toBeCloseTo(95.5, 9);
    const g = gradeMeasurement(percentRx, 0, limits);
    expect(g.grade).toBe('minor');
    expect(g.marginToNextGrade).toBeCloseTo(0.5, 9);
  });
  it('exactly at both limits and around them', () => {
    expect(gradeMeasurement(100, 0, limits).grade).toBe('per_protocol');
    expect(gradeMeasurement((100 * 66.5) / 70, 0, limits).grade).toBe('minor'); // 66.5/70 = 95 % exactly, float noise absorbed
    expect(gradeMeasurement(94.9, 0, limits).grade).toBe('major');
    expect(gradeMeasurement(94.9, 0, limits).marginToNextGrade).toBeCloseTo(-0.1, 9);
  });
});

describe('borderline: within k·u of a limit, k = 2', () => {
  const limits = { comparator: '<=' as const, perProtocol: 26, minor: 28.6 };
  it('k is 2 (≈ 95 % coverage)', () => expect(BORDERLINE_COVERAGE_K).toBe(2));
  it('25.7 ± 0.2 Gy: |26 − 25.7| = 0.3 ≤ 0.4 → borderline, still per protocol', () => {
    expect(gradeMeasurement(25.7, 0.2, limits)).toMatchObject({ grade: 'per_protocol', borderline: true });
  });
  it('25.5 ± 0.2 Gy: 0.5 > 0.4 → not borderline', () => {
    expect(gradeMeasurement(25.5, 0.2, limits).borderline).toBe(false);
  });
  it('near the minor limit counts too: 28.8 ± 0.15 Gy → major and borderline', () => {
    expect(gradeMeasurement(28.8, 0.15, limits)).toMatchObject({ grade: 'major', borderline: true });
  });
  it('zero uncertainty is borderline only exactly at a limit', () => {
    expect(gradeMeasurement(26, 0, limits).borderline).toBe(true);
    expect(gradeMeasurement(26.0001, 0, limits).borderline).toBe(false);
  });
});

describe('EQD2 = D·(d + α/β)/(2 + α/β), d = D/n', () => {
  it('2 Gy fractions leave the dose unchanged: 70 Gy / 35 fx → 70 Gy for any α/β', () => {
    expect(eqd2Gy(70, 35, 3)).toBeCloseTo(70, 12);
    expect(eqd2Gy(70, 35, 10)).toBeCloseTo(70, 12);
  });
  it('60 Gy / 20 fx, α/β 3 Gy: d = 3 → 60·6/5 = 72 Gy', () => expect(eqd2Gy(60, 20, 3)).toBeCloseTo(72, 12));
  it('66 Gy / 30 fx, α/β 10 Gy: d = 2.2 → 66·12.2/12 = 67.1 Gy', () => expect(eqd2Gy(66, 30, 10)).toBeCloseTo(67.1, 12));
  it('63 Gy / 35 fx, α/β 2 Gy: d = 1.8 → 63·3.8/4 = 59.85 Gy', () => expect(eqd2Gy(63, 35, 2)).toBeCloseTo(59.85, 12));
  it('sensitivity dEQD2/dD = (2D/n + α/β)/(2 + α/β): 60 Gy/20 fx, α/β 3 → 9/5 = 1.8, matches a finite difference', () => {
    expect(eqd2Sensitivity(60, 20, 3)).toBeCloseTo(1.8, 12);
    expect((eqd2Gy(60.001, 20, 3) - eqd2Gy(59.999, 20, 3)) / 0.002).toBeCloseTo(1.8, 6);
  });
});

describe('worstGrade: major > minor > not_evaluable > per_protocol', () => {
  it('orders grades', () => {
    expect(worstGrade(['per_protocol', 'per_protocol'])).toBe('per_protocol');
    expect(worstGrade(['per_protocol', 'not_evaluable'])).toBe('not_evaluable');
    expect(worstGrade(['not_evaluable', 'minor', 'per_protocol'])).toBe('minor');
    expect(worstGrade(['minor', 'major', 'not_evaluable'])).toBe('major');
  });
});
