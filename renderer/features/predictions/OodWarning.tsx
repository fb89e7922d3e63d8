/** Shown when a plan lies outside the models' training distribution: the numbers should be read with care. */
export function OodWarning({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <div data-testid="ood-warning" role="alert" className="panel" style={{ borderColor: 'var(--minor)', padding: '6px 8px', fontSize: 12 }}>
      <strong style={{ color: 'var(--minor)' }}>Outside the training distribution</strong>
      <span className="muted"> — predictions may be unreliable for this plan:</span>
      <ul style={{ margin: '4px 0 0 16px', padding: 0 }}>
        {reasons.slice(0, 5).map((r) => <li key={r}>{r}</li>)}
        {reasons.length > 5 && <li className="muted">and {reasons.length - 5} more</li>}
      </ul>
    </div>
  );
}
