import { useState } from 'react';
import type { Predictions } from '../../../electron/common/api/predictionSchemas';
import { AttentionBars } from './AttentionBars';
import { otherModels, percent, topAttention, topShap, type PredictionRow } from './predictionView';
import { ShapBars } from './ShapBars';

/**
 * One head's prediction: probability with its uncertainty interval (ensemble mean ± 2 SD), the model and the
 * execution provider that produced it, the other models' numbers, and on demand the organ attention and SHAP.
 */
export function PredictionCard({ row, all }: { row: PredictionRow; all: Predictions }) {
  const [open, setOpen] = useState<'attention' | 'shap' | null>(null);
  const others = otherModels(all, row.head);
  return (
    <div className="panel" data-testid="prediction-card" data-head={row.head} style={{ padding: '6px 8px', display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 6 }}>
        <strong style={{ fontSize: 12 }}>{row.label}</strong>
        <span className="mono" data-testid="prediction-probability" style={{ fontSize: 15 }}>{percent(row.probability)}</span>
      </div>
      <div style={{ position: 'relative', height: 6, background: 'var(--panel-2)', borderRadius: 3 }} aria-label="probability with interval">
        {row.interval && <span style={{ position: 'absolute', left: `${100 * row.interval[0]}%`, width: `${Math.max(0.5, 100 * (row.interval[1] - row.interval[0]))}%`, height: '100%', background: 'var(--accent-dim)', borderRadius: 3 }} />}
        <span style={{ position: 'absolute', left: `calc(${100 * row.probability}% - 1px)`, width: 2, height: '100%', background: 'var(--accent)' }} />
      </div>
      <div className="muted" style={{ fontSize: 11 }}>
        {row.interval ? `ensemble interval ${percent(row.interval[0])} – ${percent(row.interval[1])}` : 'no interval'}
        {' · '}{row.modelName} {row.modelVersion} on <span data-testid="prediction-provider">{row.provider}</span>
      </div>
      {others.length > 0 && <div className="muted" style={{ fontSize: 11 }}>other models: {others.map((o) => `${o.modelName} ${percent(o.probability)}`).join(' · ')}</div>}
      <div style={{ display: 'flex', gap: 4 }}>
        <button type="button" aria-pressed={open === 'attention'} onClick={() => setOpen(open === 'attention' ? null : 'attention')}>Organ attention</button>
        <button type="button" aria-pressed={open === 'shap'} onClick={() => setOpen(open === 'shap' ? null : 'shap')}>SHAP</button>
      </div>
      {open === 'attention' && <AttentionBars rows={topAttention(all, row.head)} />}
      {open === 'shap' && <ShapBars rows={topShap(all, row.head)} />}
    </div>
  );
}
