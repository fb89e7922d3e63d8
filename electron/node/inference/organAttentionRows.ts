import { ALL_HEADS, PATCH_ANCHOR_NAMES } from '../../common/domain/features/featureSpec';
import type { ModelCard } from './modelCard';

export interface AttentionRow { head: string; structure: string; weight: number }
type Attention = { dims: readonly number[]; data: Float32Array };

/**
 * The per-organ attention shown with a prediction, per head from the model's organ attention or from its patch
 * attention credited to the organs that anchor the patches ("Parotid_L:cranial" -> Parotid_L), whichever the model
 * card measured as ranking a true causal organ first more often on the held-out centres. Why: a DVH cannot show
 * which gland's stem-cell region is hot, so for xerostomia the organ attention of the shipped fused model ranks a
 * causal organ first for 45 % of positives and its patch attention for 83 %; for the major head it is the reverse.
 */
export function organAttentionRows(card: ModelCard, organAttention: Attention, patchAttention: Attention | undefined,
  anchorIds: Int32Array | undefined, organNames: readonly string[]): AttentionRow[] {
  const n = organAttention.dims[2];
  return ALL_HEADS.flatMap((head, k) => {
    const fromPatches = patchAttention && anchorIds && patchRanksBetter(card, head)
      ? creditPatchesToOrgans(patchAttention, k, anchorIds, organNames) : null;
    return organNames.map((structure, i) => ({ head, structure, weight: fromPatches ? fromPatches[i] : organAttention.data[k * n + i] }));
  });
}

/** Head k's patch attention summed per anchoring organ, normalised over the plan's organs (unanchored tiles and
 * organs without a row credit nothing); all zeros when no anchored patch carries weight. */
export function creditPatchesToOrgans(patchAttention: Attention, k: number, anchorIds: Int32Array, organNames: readonly string[]): number[] {
  const m = patchAttention.dims[2];
  const credit = new Map<string, number>();
  for (let i = 0; i < Math.min(m, anchorIds.length); i++) {
    if (anchorIds[i] <= 0) continue;
    const organ = PATCH_ANCHOR_NAMES[anchorIds[i]].split(':')[0];
    credit.set(organ, (credit.get(organ) ?? 0) + patchAttention.data[k * m + i]);
  }
  const weights = organNames.map((name) => credit.get(name) ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? weights.map((w) => w / total) : weights;
}

function patchRanksBetter(card: ModelCard, head: string): boolean {
  const fraction = (key: string) => {
    const byHead = (card.metrics as Record<string, Record<string, { fractionTopIsCausal?: number }> | undefined>)[key];
    return byHead?.[head]?.fractionTopIsCausal;
  };
  const organ = fraction('attentionTopCausal'), patch = fraction('patchAttentionTopCausal');
  return patch !== undefined && (organ === undefined || patch > organ);
}
