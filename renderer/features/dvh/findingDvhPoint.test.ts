import { describe, expect, it } from 'vitest';
import type { DvhCurve, Finding } from '../../../electron/common/api';
import { findingDvhPoint, volumePercentAtDose } from './findingDvhPoint';

// a 20 cc structure whose cumulative DVH falls linearly from 20 cc at 0 Gy to 0 cc at 50 Gy
const curve: DvhCurve = {
  structureId: 's1', name: 'Cord', tg263Name: 'SpinalCord', volumeCc: 20, meanGy: 25, maxGy: 50, limits: [],
  doseGy: [0, 10, 20, 30, 40, 50], volumeCcAtDose: [20, 16, 12, 8, 4, 0],
};
const finding = (metric: string, value: number, unit: string): Finding => ({
  findingId: 'f1', constraintId: 'c', structure: 'SpinalCord', structureId: 's1', metric, value, uncertainty: 0, unit,
  comparator: '<=', perProtocolLimit: 45, minorLimit: 48, grade: 'major', borderline: false, marginToNextGrade: null,
  advisory: false, message: '', worstPoint: null,
});

describe('findingDvhPoint', () => {
  it('interpolates the volume at a dose linearly (25 Gy → 10 cc → 50 %)', () => {
    expect(volumePercentAtDose(curve, 25)).toBeCloseTo(50, 10);
  });
  it('places a dose metric at its value on the curve', () => {
    expect(findingDvhPoint(finding('D0.03cc', 45, 'Gy'), curve)).toEqual({ doseGy: 45, volumePercent: 10 });
  });
  it('places a V-metric at its dose level: V30Gy = 8 cc of 20 cc → (30 Gy, 40 %)', () => {
    expect(findingDvhPoint(finding('V30Gy', 8, 'cc'), curve)).toEqual({ doseGy: 30, volumePercent: 40 });
    expect(findingDvhPoint(finding('V30Gy%', 40, '%'), curve)).toEqual({ doseGy: 30, volumePercent: 40 });
  });
  it('places a %Rx dose metric through its limit: D95% = 90 %Rx with the 95 %Rx limit at 66.5 Gy → 63 Gy', () => {
    const withLimit: DvhCurve = { ...curve, limits: [{ constraintId: 'c', metric: 'D95%', comparator: '>=', unit: '%Rx', perProtocol: 95, minor: 90, doseGy: 66.5, volumePercent: 95, grade: 'major' }] };
    expect(findingDvhPoint(finding('D95%', 90, '%Rx'), withLimit)!.doseGy).toBeCloseTo(63, 10);
  });
  it('gives null for a check without a value', () => {
    expect(findingDvhPoint({ ...finding('D95%', 0, 'Gy'), value: null }, curve)).toBeNull();
  });
});
