import type { PlanStructure } from '../../../electron/common/api/planReviewSchemas';

/** Structures with their colour and a visibility toggle each; clicking the name highlights the structure. */
export function StructureList({ structures, visible, highlightedId, onToggle, onHighlight, onAll }: {
  structures: readonly PlanStructure[]; visible: ReadonlySet<string>; highlightedId: string | null;
  onToggle: (id: string) => void; onHighlight: (id: string) => void; onAll: (on: boolean) => void;
}) {
  return (
    <div data-testid="structure-list">
      <div style={{ display: 'flex', gap: 6, marginBottom: 4 }}>
        <button type="button" onClick={() => onAll(true)}>All</button><button type="button" onClick={() => onAll(false)}>None</button>
      </div>
      {structures.map((s) => (
        <div key={s.structureId} className="structure-row" data-structure-id={s.structureId} style={{ fontWeight: s.structureId === highlightedId ? 700 : 400 }}>
          <input type="checkbox" aria-label={`Show ${s.name}`} checked={visible.has(s.structureId)} onChange={() => onToggle(s.structureId)} />
          <span className="swatch" style={{ background: `rgb(${s.colorRgb.join(',')})` }} />
          <span style={{ cursor: 'pointer', flex: 1 }} onClick={() => onHighlight(s.structureId)}>{s.name}
            {s.tg263Name && s.tg263Name !== s.name && <span className="muted"> ({s.tg263Name})</span>}</span>
          <span className="muted mono" style={{ fontSize: 11 }}>{s.volumeCc !== null ? `${s.volumeCc.toFixed(1)} cc` : ''}</span>
        </div>
      ))}
    </div>
  );
}
