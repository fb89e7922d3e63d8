import { describe, expect, it } from 'vitest';
import type { Predictions } from '../../../electron/common/api/predictionSchemas';
import { otherModels, percent, primaryPredictions, topAttention, topShap } from './predictionView';

const p: Predictions = {
  available: true, reason: null, outOfDistribution: [], hasRiskMap: false,
  predictions: [
    { head: 'xerostomiaG2', label: 'Xerostomia', probability: 0.4, interval: [0.3, 0.5], modelName: 'fusion-early-mil', modelVersion: '1', provider: 'cpu' },
    { head: 'dysphagiaG2', label: 'Dysphagia', probability: 0.2, interval: [0.1, 0.3], modelName: 'fusion-early-mil', modelVersion: '1', provider: 'cpu' },
    { head: 'xerostomiaG2', label: 'Xerostomia', probability: 0.35, interval: [0.3, 0.4], modelName: 'tabular-mil', modelVersion: '1', provider: 'cpu' },
  ],
  organAttention: [
    { head: 'xerostomiaG2', structure: 'Parotid_L', weight: 0.2 }, { head: 'xerostomiaG2', structure: 'Parotid_R', weight: 0.7 },
    { head: 'dysphagiaG2', structure: 'Cavity_Oral', weight: 0.9 },
  ],
  explanations: [{ head: 'xerostomiaG2', feature: 'a', shap: 0.01 }, { head: 'xerostomiaG2', feature: 'b', shap: -0.05 }],
};

describe('prediction view helpers', () => {
  it('shows the primary (first) model per head and lists the others under it', () => {
    expect(primaryPredictions(p).map((r) => r.head)).toEqual(['xerostomiaG2', 'dysphagiaG2']);
    expect(otherModels(p, 'xerostomiaG2').map((r) => r.modelName)).toEqual(['tabular-mil']);
  });
  it('orders attention by weight and SHAP by absolute size', () => {
    expect(topAttention(p, 'xerostomiaG2').map((a) => a.structure)).toEqual(['Parotid_R', 'Parotid_L']);
    expect(topShap(p, 'xerostomiaG2').map((s) => s.feature)).toEqual(['b', 'a']);
    expect(percent(0.1234)).toBe('12.3 %');
  });
});
