import { BINARY_HEADS } from '../../common/domain/features/featureSpec';
import type { ModelCard } from './modelCard';

/** Mean held-out AUC over the binary heads as the model card states it (null when the card has none). */
export function meanHeldOutAuc(card: Pick<ModelCard, 'metrics'>): number | null {
  const aucs = BINARY_HEADS.map((head) => (card.metrics[head] as { auc?: unknown } | undefined)?.auc)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return aucs.length === BINARY_HEADS.length ? aucs.reduce((a, b) => a + b, 0) / aucs.length : null;
}

/**
 * The model whose numbers the review screen shows first: of the fused models that ran, the one with the
 * better mean held-out AUC in its card (training decides, not this code); the tabular model when no fused one ran.
 */
export function choosePrimaryModel(ran: ReadonlyArray<{ name: string; card: Pick<ModelCard, 'kind' | 'metrics'> }>): string {
  const fused = ran.filter((m) => m.card.kind === 'fusion')
    .map((m) => ({ name: m.name, score: meanHeldOutAuc(m.card) ?? -Infinity }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return fused[0]?.name ?? 'tabular-mil';
}
