import type { Finding } from '../../../electron/common/api/planReviewSchemas';
import type { FindingDecision, ReviewRecord, SaveReviewRequest } from '../../../electron/common/api/reviewSchemas';
import type { ApiGrade } from '../../../electron/common/api/vocabularySchemas';

/** The review form's editable state: per finding agree/override, overall grade, comment, reviewer. */
export interface ReviewDraft {
  reviewer: string;
  overallGrade: ApiGrade;
  comment: string;
  decisions: Record<string, { decision: 'agree' | 'override'; reason: string }>;
}

/** Starts from the saved review when there is one, otherwise agrees with every automatic grade. */
export function initialDraft(findings: readonly Finding[], saved: ReviewRecord | null, defaultReviewer: string, worstGrade: ApiGrade | null): ReviewDraft {
  const decisions: ReviewDraft['decisions'] = {};
  for (const f of findings) {
    const s = saved?.findings.find((d) => d.findingId === f.findingId);
    decisions[f.findingId] = s
      ? { decision: s.decision, reason: s.reason ?? '' }
      : { decision: 'agree', reason: '' };
  }
  return {
    reviewer: saved?.reviewer ?? defaultReviewer,
    overallGrade: saved?.overallGrade ?? worstGrade ?? 'per_protocol',
    comment: saved?.comment ?? '',
    decisions,
  };
}

/** What is missing before the draft can be saved, one message per problem (empty = ready). */
export function draftProblems(draft: ReviewDraft, findings: readonly Finding[]): { findingId: string | null; message: string }[] {
  const problems: { findingId: string | null; message: string }[] = [];
  if (!draft.reviewer.trim()) problems.push({ findingId: null, message: 'Enter the reviewer name.' });
  for (const f of findings) {
    const d = draft.decisions[f.findingId];
    if (d?.decision === 'override' && d.reason.trim().length < 3) {
      problems.push({ findingId: f.findingId, message: `Override of ${f.structure ?? f.constraintId} needs a written reason.` });
    }
  }
  return problems;
}

/**
 * The save request. Every finding gets a decision (the form starts at "agree"), so a saved review signs the
 * plan off (`done`, per the contract); the overall grade is where the reviewer's own grading goes.
 */
export function draftToRequest(planId: string, draft: ReviewDraft): SaveReviewRequest {
  const findings: FindingDecision[] = Object.entries(draft.decisions).map(([findingId, d]) => (d.decision === 'agree'
    ? { findingId, decision: 'agree' }
    : { findingId, decision: 'override', reason: d.reason.trim() }));
  return { planId, reviewer: draft.reviewer.trim(), overallGrade: draft.overallGrade, comment: draft.comment, findings };
}
