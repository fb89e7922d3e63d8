import { describe, expect, it } from 'vitest';
import { dvhLimitPlacement } from './dvhLimitPlacement';

/** Each expected point is the limit's definition worked by hand (dose Gy, volume % of the structure). */
describe('dvhLimitPlacement', () => {
  it('places dose-at-volume limits', () => {
    expect(dvhLimitPlacement('D95%', 66.5, 'Gy', 300, 70)).toEqual({ doseGy: 66.5, volumePercent: 95 });
    // 0.03 cc of a 30 cc cord = 0.1 %
    expect(dvhLimitPlacement('D0.03cc', 45, 'Gy', 30, null)!.volumePercent).toBeCloseTo(0.1, 12);
    // %Rx of the target's own level: 95 % of 63 Gy
    expect(dvhLimitPlacement('D95%', 95, '%Rx', 200, 63)!.doseGy).toBeCloseTo(59.85, 12);
  });

  it('draws Dmean/Dmax/Dmin as vertical lines', () => {
    expect(dvhLimitPlacement('Dmean', 26, 'Gy', 20, 70)).toEqual({ doseGy: 26, volumePercent: null });
    expect(dvhLimitPlacement('Dmax', 110, '%Rx', 20, 70)!.doseGy).toBeCloseTo(77, 12);
  });

  it('places volume-at-dose limits in % and cc', () => {
    expect(dvhLimitPlacement('V30Gy', 50, '%', 40, 70)).toEqual({ doseGy: 30, volumePercent: 50 });
    expect(dvhLimitPlacement('V65Gy', 3, 'cc', 60, 70)).toEqual({ doseGy: 65, volumePercent: 5 });
    expect(dvhLimitPlacement('V95%Rx', 98, '%', 300, 70)!.doseGy).toBeCloseTo(66.5, 12);
  });

  it('gives up rather than guess', () => {
    expect(dvhLimitPlacement('D95%', 95, '%Rx', 200, null)).toBeNull();
    expect(dvhLimitPlacement('D2cc', 45, 'Gy', null, 70)).toBeNull();
    expect(dvhLimitPlacement('fractions', 35, 'fractions', 10, 70)).toBeNull();
  });
});
