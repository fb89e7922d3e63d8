import type { ReactNode } from 'react';

/** Loading, empty and error states share one look so the user always knows which one they are in. */
export function LoadingState({ label }: { label: string }) {
  return <div className="state" role="status" data-state="loading"><div className="spinner" />{label}</div>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return <div className="state" data-state="empty"><h2 style={{ color: 'var(--text)', marginBottom: 6 }}>{title}</h2>{children}</div>;
}

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div className="state error" role="alert" data-state="error">
      <h2 style={{ marginBottom: 6 }}>{title}</h2>
      <div style={{ color: 'var(--text)', marginBottom: 10 }}>{message}</div>
      {onRetry && <button onClick={onRetry}>Try again</button>}
    </div>
  );
}
