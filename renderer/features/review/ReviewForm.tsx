import { useEffect, useState } from 'react';
import type { Finding } from '../../../electron/common/api/planReviewSchemas';
import type { ReviewRecord } from '../../../electron/common/api/reviewSchemas';
import type { ApiGrade } from '../../../electron/common/api/vocabularySchemas';
import { callApi } from '../../api/rtqaClient';
import { gradeLabel } from '../../ui/GradeChip';
import { draftProblems, draftToRequest, initialDraft, type ReviewDraft } from './reviewDraft';

const GRADES: ApiGrade[] = ['per_protocol', 'minor', 'major', 'not_evaluable'];

export interface ReviewFormProps {
  readonly planId: string;
  readonly findings: readonly Finding[];
  readonly saved: ReviewRecord | null;
  readonly defaultReviewer: string;
  readonly worstGrade: ApiGrade | null;
  readonly selectedFindingId: string | null;
  readonly onSelectFinding: (f: Finding) => void;
  readonly onSaved: (review: ReviewRecord) => void;
}

/**
 * The reviewer's decision: agree with each automatic finding or override it with a written reason (the save is
 * refused without one, here and by the contract), an overall grade and a comment. Each save is a new review in
 * the audit trail.
 */
export function ReviewForm(props: ReviewFormProps) {
  const { planId, findings, saved } = props;
  const [draft, setDraft] = useState<ReviewDraft>(() => initialDraft(findings, saved, props.defaultReviewer, props.worstGrade));
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  useEffect(() => { setDraft(initialDraft(findings, saved, props.defaultReviewer, props.worstGrade)); }, [planId, saved]);
  const problems = draftProblems(draft, findings);

  function setDecision(findingId: string, change: Partial<ReviewDraft['decisions'][string]>) {
    setDraft((d) => ({ ...d, decisions: { ...d.decisions, [findingId]: { ...d.decisions[findingId], ...change } } }));
  }

  async function save() {
    setShowProblems(true);
    if (problems.length > 0) { setMessage({ kind: 'error', text: problems[0].message }); return; }
    setSaving(true); setMessage(null);
    const result = await callApi('saveReview', draftToRequest(planId, draft));
    setSaving(false);
    if (result.ok) { setMessage({ kind: 'ok', text: `Saved ${new Date(result.data.review.savedAt).toLocaleString()}` }); props.onSaved(result.data.review); }
    else setMessage({ kind: 'error', text: result.error.message + (result.error.issues?.length ? `: ${result.error.issues.map((i) => i.message).join('; ')}` : '') });
  }

  return (
    <form data-testid="review-form" onSubmit={(e) => { e.preventDefault(); void save(); }} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {findings.filter((f) => f.grade !== 'per_protocol' || draft.decisions[f.findingId]?.decision === 'override').map((f) => {
          const d = draft.decisions[f.findingId];
          const missing = showProblems && problems.some((p) => p.findingId === f.findingId);
          return (
            <div key={f.findingId} data-testid="review-decision" data-finding-id={f.findingId}
              style={{ padding: 6, borderRadius: 4, background: f.findingId === props.selectedFindingId ? '#1d2a3a' : 'var(--panel-2)' }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                <button type="button" className="mono" style={{ border: 'none', background: 'none', padding: 0, flex: 1, textAlign: 'left' }}
                  onClick={() => props.onSelectFinding(f)}>{f.structure ?? 'Plan'} · {f.metric ?? f.constraintId} <span className="muted">({gradeLabel(f.grade)})</span></button>
                <label><input type="radio" name={`d-${f.findingId}`} checked={d?.decision === 'agree'} onChange={() => setDecision(f.findingId, { decision: 'agree' })} /> agree</label>
                <label><input type="radio" name={`d-${f.findingId}`} checked={d?.decision === 'override'} data-testid="override"
                  onChange={() => setDecision(f.findingId, { decision: 'override' })} /> override</label>
              </div>
              {d?.decision === 'override' && (
                <textarea rows={2} placeholder="Reason for the override (required, goes into the audit trail)" value={d.reason} data-testid="override-reason"
                  aria-invalid={missing} style={{ width: '100%', marginTop: 4, borderColor: missing ? 'var(--major)' : undefined }}
                  onChange={(e) => setDecision(f.findingId, { reason: e.target.value })} />
              )}
            </div>
          );
        })}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '6px 8px', alignItems: 'center' }}>
        <label htmlFor="overall-grade">Overall grade</label>
        <select id="overall-grade" data-testid="overall-grade" value={draft.overallGrade} onChange={(e) => setDraft({ ...draft, overallGrade: e.target.value as ApiGrade })}>
          {GRADES.map((g) => <option key={g} value={g}>{gradeLabel(g)}</option>)}
        </select>
        <label htmlFor="reviewer">Reviewer</label>
        <input id="reviewer" data-testid="reviewer" value={draft.reviewer} onChange={(e) => setDraft({ ...draft, reviewer: e.target.value })} />
      </div>
      <textarea rows={3} placeholder="Comment for the trial office" value={draft.comment} data-testid="review-comment" onChange={(e) => setDraft({ ...draft, comment: e.target.value })} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <button type="submit" className="primary" disabled={saving} data-testid="save-review">{saving ? 'Saving…' : 'Save review'}</button>
        {message && <span role={message.kind === 'error' ? 'alert' : 'status'} data-testid="review-message" style={{ color: message.kind === 'ok' ? 'var(--ok)' : 'var(--major)', fontSize: 12 }}>{message.text}</span>}
      </div>
    </form>
  );
}
