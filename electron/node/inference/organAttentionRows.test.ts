import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATCH_ANCHOR_NAMES } from '../../common/domain/features/featureSpec';
import type { ModelCard } from './modelCard';
import { creditPatchesToOrgans, organAttentionRows } from './organAttentionRows';

const anchor = (name: string) => PATCH_ANCHOR_NAMES.indexOf(name);
const organs = ['Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'PTV_High'];
// 4 heads × 4 patches: Parotid_L cranial, Parotid_L caudal, Parotid_R cranial, an unanchored dose tile
const anchorIds = Int32Array.from([anchor('Parotid_L:cranial'), anchor('Parotid_L:caudal'), anchor('Parotid_R:cranial'), 0]);
const patchAttention = { dims: [1, 4, 4], data: Float32Array.from([
  0.1, 0.1, 0.2, 0.6, // major: most on the tile
  0.2, 0.1, 0.6, 0.1, // xerostomia
  0.25, 0.25, 0.25, 0.25,
  0.25, 0.25, 0.25, 0.25]) };
const organAttention = { dims: [1, 4, 4], data: Float32Array.from([
  0.7, 0.1, 0.1, 0.1,
  0.1, 0.1, 0.8, 0.0,
  0.25, 0.25, 0.25, 0.25,
  0.25, 0.25, 0.25, 0.25]) };

describe('organAttentionRows', () => {
  it('credits each anchored patch to its organ and normalises over organs (the tile credits nothing)', () => {
    // xerostomia: Parotid_L 0.2 + 0.1, Parotid_R 0.6, over 0.9 anchored
    const w = creditPatchesToOrgans(patchAttention, 1, anchorIds, organs);
    expect(w[0]).toBeCloseTo(0.3 / 0.9, 6);
    expect(w[1]).toBeCloseTo(0.6 / 0.9, 6);
    expect(w[2]).toBe(0);
    expect(w[3]).toBe(0);
  });

  it('uses, per head, the attention the shipped card measured as ranking a causal organ first more often', () => {
    const card = JSON.parse(readFileSync('native-models/models/fusion-early-mil.card.json', 'utf8')) as ModelCard;
    const metrics = card.metrics as Record<string, Record<string, { fractionTopIsCausal: number }>>;
    const rows = organAttentionRows(card, organAttention, patchAttention, anchorIds, organs);
    const weight = (head: string, s: string) => rows.find((r) => r.head === head && r.structure === s)!.weight;
    for (const head of ['majorDeviation', 'xerostomiaG2']) {
      const patchBetter = metrics.patchAttentionTopCausal[head].fractionTopIsCausal > metrics.attentionTopCausal[head].fractionTopIsCausal;
      const k = head === 'majorDeviation' ? 0 : 1;
      const expected = patchBetter ? creditPatchesToOrgans(patchAttention, k, anchorIds, organs)[1] : organAttention.data[k * 4 + 1];
      expect(weight(head, 'Parotid_R')).toBeCloseTo(expected, 6);
    }
    // local control has no attention metric: its organ attention is shown as the model gives it
    expect(weight('localControl', 'PTV_High')).toBeCloseTo(0.25, 6);
  });

  it('keeps the organ attention when the model has no patch attention', () => {
    const card = JSON.parse(readFileSync('native-models/models/tabular-mil.card.json', 'utf8')) as ModelCard;
    const rows = organAttentionRows(card, organAttention, undefined, undefined, organs);
    expect(rows.filter((r) => r.head === 'xerostomiaG2').map((r) => r.weight)).toEqual(Array.from(organAttention.data.slice(4, 8)));
  });
});
