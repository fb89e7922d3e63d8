import { describe, expect, it } from 'vitest';
import { buildClinicalFeatures } from './buildClinicalFeatures';
import { CLINICAL_FEATURE_NAMES } from './featureSpec';

const plan = { prescriptionGy: 70, fractions: 30, radiationType: 'PHOTON' };
const value = (values: number[], name: string) => values[CLINICAL_FEATURE_NAMES.indexOf(name)];

describe('buildClinicalFeatures', () => {
  it('one-hots the worst plan-level check grade into planCheckMinor / planCheckMajor', () => {
    const major = buildClinicalFeatures({}, { ...plan, planCheckGrade: 'major' }).values;
    expect([value(major, 'planCheckMinor'), value(major, 'planCheckMajor')]).toEqual([0, 1]);
    const minor = buildClinicalFeatures({}, { ...plan, planCheckGrade: 'minor' }).values;
    expect([value(minor, 'planCheckMinor'), value(minor, 'planCheckMajor')]).toEqual([1, 0]);
    const unknown = buildClinicalFeatures({}, plan).values;
    expect([value(unknown, 'planCheckMinor'), value(unknown, 'planCheckMajor')]).toEqual([0, 0]);
  });
  it('writes one value per CLINICAL_FEATURE_NAMES entry, fractions ÷ 35', () => {
    const { values } = buildClinicalFeatures({ ageYears: 60 }, plan);
    expect(values).toHaveLength(CLINICAL_FEATURE_NAMES.length);
    expect(value(values, 'fractions_per35')).toBeCloseTo(30 / 35, 12);
    expect(value(values, 'age_per100y')).toBeCloseTo(0.6, 12);
  });
});
