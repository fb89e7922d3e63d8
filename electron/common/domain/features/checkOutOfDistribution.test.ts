import { describe, expect, it } from 'vitest';
import type { NameMatch } from '../naming/nameMatchTypes';
import { assignFeatureNames } from './assignFeatureNames';
import { checkOutOfDistribution } from './checkOutOfDistribution';
import { CLINICAL_FEATURE_NAMES, INSTANCE_FEATURE_NAMES } from './featureSpec';
import type { TabularBag } from './featureTypes';

const bag = (age: number, name = 'Parotid_L', organIndex = 6): TabularBag => ({
  instances: [{ tg263Name: name, organIndex, features: INSTANCE_FEATURE_NAMES.map(() => 0.5) }],
  clinical: CLINICAL_FEATURE_NAMES.map((n) => (n === 'age_per100y' ? age : 0)), missingClinical: [], warnings: [],
});
const training = { trainingRanges: { 'clinical.age_per100y': [0.4, 0.8] as [number, number], 'instance.Dmean_per70Gy': [0, 1] as [number, number] }, planningSystemsSeen: ['SynthPlan 1'] };

describe('checkOutOfDistribution', () => {
  it('accepts a plan inside the training ranges (5 % slack) from a known planning system', () => {
    expect(checkOutOfDistribution(bag(0.81), 'SynthPlan 1', training)).toEqual([]);
  });
  it('names the feature beyond its training range, unknown structures and unseen planning systems', () => {
    const reasons = checkOutOfDistribution(bag(0.95, 'Mystery', 0), 'OtherTPS 9', training);
    expect(reasons).toEqual([
      'clinical age_per100y: 0.950 outside training range [0.400, 0.800]',
      "structure Mystery: not in the model's organ vocabulary (treated as OTHER)",
      'planning system "OtherTPS 9" not seen in training (SynthPlan 1)',
    ]);
  });
});

const match = (written: string, tg263: string | null, kind: NameMatch['kind'], targetDoseGy: number | null): NameMatch =>
  ({ written, tg263, score: 1, status: 'matched', reasons: [], kind, targetDoseGy });

describe('assignFeatureNames', () => {
  it('turns dose-coded targets into dose-level roles and keeps organ names', () => {
    const { names } = assignFeatureNames([
      match('PTV_7000', 'PTV_7000', 'target', 70), match('PTV_6300', 'PTV_6300', 'target', 63), match('PTV_5600', 'PTV_5600', 'target', 56),
      match('CTV_7000', 'CTV_7000', 'target', 70), match('CTV_5600', 'CTV_5600', 'target', 56), match('GTVp', 'GTVp', 'target', null),
      match('Parotid Lt', 'Parotid_L', 'organ', null), match('junk', null, 'other', null),
    ]);
    expect(names).toEqual(['PTV_High', 'PTV_Mid', 'PTV_Low', 'CTV_High', 'CTV_Mid', 'GTV', 'Parotid_L', 'junk']);
  });
});
