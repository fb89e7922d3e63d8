import type { CallOutput } from '../../../electron/common/api/contract';
import { requestApi } from '../../api/rtqaClient';
import { useAsync } from '../../app/useAsync';
import { ErrorState, LoadingState } from '../../ui/StateMessages';

type AuditLog = CallOutput<'getAuditLog'>;

function summary(after: unknown): string {
  if (!after || typeof after !== 'object') return '';
  const row = after as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['grade', 'overallGrade', 'status', 'decision', 'reason', 'comment']) {
    if (typeof row[key] === 'string' && row[key]) parts.push(`${key}: ${String(row[key]).slice(0, 120)}`);
  }
  // a review's per-finding decisions (the store writes them as `decisions`)
  const decisions = Array.isArray(row.decisions) ? row.decisions : null;
  if (decisions) {
    const overrides = (decisions as Record<string, unknown>[]).filter((f) => f && f.decision === 'override');
    parts.push(`${decisions.length} decisions, ${overrides.length} override${overrides.length === 1 ? '' : 's'}`);
    for (const o of overrides) if (typeof o.reason === 'string') parts.push(`override reason: ${o.reason.slice(0, 160)}`);
  }
  return parts.join(' · ');
}

/** The plan's audit log, newest first, with the result of the hash-chain check. `version` reloads it after a save. */
export function AuditTrail({ planId, version }: { planId: string; version: number }) {
  const log = useAsync<AuditLog>(() => requestApi('getAuditLog', { planId }), [planId, version]);
  if (log.status === 'loading') return <LoadingState label="Loading the audit trail…" />;
  if (log.status === 'error') return <ErrorState title="Audit trail unavailable" message={log.message} onRetry={log.reload} />;
  const entries = [...log.data.entries].reverse();
  return (
    <div data-testid="audit-trail">
      <div style={{ marginBottom: 6, color: log.data.chainValid ? 'var(--ok)' : 'var(--major)' }} data-testid="audit-chain" data-valid={log.data.chainValid}>
        {log.data.chainValid ? '✔ Hash chain verified' : `✖ Hash chain broken: ${log.data.chainMessage ?? ''}`}
      </div>
      {entries.length === 0 && <div className="muted">No entries yet.</div>}
      {entries.map((e) => (
        <div key={String(e.auditId)} data-testid="audit-entry" data-action={e.action} style={{ borderBottom: '1px solid var(--border)', padding: '4px 0', fontSize: 12 }}>
          <div><span className="mono muted">{new Date(e.at).toLocaleString()}</span> · <strong>{e.actor}</strong> · {e.action} {e.entity}</div>
          <div className="muted" style={{ wordBreak: 'break-word' }}>{summary(e.after)}</div>
        </div>
      ))}
    </div>
  );
}
