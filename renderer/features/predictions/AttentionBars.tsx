/** Per-organ attention weights of one head as horizontal bars (weights of a head sum to 1 over all organs). */
export function AttentionBars({ rows }: { rows: readonly { structure: string; weight: number }[] }) {
  if (rows.length === 0) return <div className="muted">No organ attention for this head.</div>;
  const max = Math.max(...rows.map((r) => r.weight), 1e-9);
  return (
    <div data-testid="attention-bars" role="list" aria-label="Organ attention">
      {rows.map((r) => (
        <div key={r.structure} role="listitem" data-structure={r.structure} style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 11 }}>
          <span style={{ width: 110, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.structure}</span>
          <span style={{ flex: 1, background: 'var(--panel-2)', height: 8, borderRadius: 2 }}>
            <span style={{ display: 'block', width: `${(100 * r.weight) / max}%`, height: '100%', background: 'var(--accent)', borderRadius: 2 }} />
          </span>
          <span className="mono" style={{ width: 36, textAlign: 'right' }}>{r.weight.toFixed(2)}</span>
        </div>
      ))}
    </div>
  );
}
