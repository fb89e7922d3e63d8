import { describe, expect, it } from 'vitest';
import { choosePrimaryModel, meanHeldOutAuc } from './choosePrimaryModel';

const card = (kind: 'tabular' | 'spatial' | 'fusion', aucs: [number, number, number] | null) => ({
  kind, metrics: aucs ? { majorDeviation: { auc: aucs[0] }, xerostomiaG2: { auc: aucs[1] }, dysphagiaG2: { auc: aucs[2] } } : {},
});

describe('choosePrimaryModel', () => {
  it('averages the three binary heads\' held-out AUCs and needs all three', () => {
    expect(meanHeldOutAuc(card('fusion', [0.9, 0.6, 0.75]))).toBeCloseTo(0.75, 12);
    expect(meanHeldOutAuc(card('fusion', null))).toBeNull();
  });

  it('shows the fused model with the better held-out AUC first, the tabular model when no fused one ran', () => {
    const ran = [
      { name: 'tabular-mil', card: card('tabular', [0.99, 0.9, 0.9]) },
      { name: 'fusion-early-mil', card: card('fusion', [0.9, 0.6, 0.7]) },
      { name: 'fusion-late-mil', card: card('fusion', [0.95, 0.62, 0.7]) },
    ];
    expect(choosePrimaryModel(ran)).toBe('fusion-late-mil');
    expect(choosePrimaryModel(ran.slice(0, 2))).toBe('fusion-early-mil');
    expect(choosePrimaryModel(ran.slice(0, 1))).toBe('tabular-mil');
  });
});
