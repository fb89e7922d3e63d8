/** A determinate bar when total is known, otherwise an empty track with the label only. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label?: string }) {
  const percent = total > 0 ? Math.min(100, (100 * done) / total) : 0;
  return (
    <div role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={label}>
      {label && <div className="muted" style={{ fontSize: 11, marginBottom: 3 }}>{label}</div>}
      <div className="progress"><div style={{ width: `${percent}%` }} /></div>
    </div>
  );
}
