/**
 * SHAP contributions of the clinical variables and organ DVHs to one head's probability: bars to the right
 * raise the predicted probability, to the left lower it (percentage points, against the training-mean plan).
 */
export function ShapBars({ rows }: { rows: readonly { feature: string; shap: number }[] }) {
  if (rows.length === 0) return <div className="muted">No SHAP explanation stored for this head.</div>;
  const max = Math.max(...rows.map((r) => Math.abs(r.shap)), 1e-9);
  return (
    <div data-testid="shap-bars" role="list" aria-label="SHAP contributions">
      {rows.map((r) => {
        const width = (50 * Math.abs(r.shap)) / max;
        return (
          <div key={r.feature} role="listitem" data-feature={r.feature} style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 11 }}>
            <span style={{ width: 150, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.feature}>{r.feature}</span>
            <span style={{ flex: 1, position: 'relative', height: 8, background: 'var(--panel-2)', borderRadius: 2 }}>
              <span style={{
                position: 'absolute', top: 0, height: '100%', width: `${width}%`, left: r.shap >= 0 ? '50%' : `${50 - width}%`,
                background: r.shap >= 0 ? 'var(--major)' : 'var(--ok)', borderRadius: 2,
              }} />
            </span>
            <span className="mono" style={{ width: 52, textAlign: 'right' }}>{r.shap >= 0 ? '+' : '−'}{(100 * Math.abs(r.shap)).toFixed(1)}</span>
          </div>
        );
      })}
    </div>
  );
}
