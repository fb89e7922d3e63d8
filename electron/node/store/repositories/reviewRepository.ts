import type { Grade } from '../../../common/domain/protocol/protocolSchema';
import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';

export type ReviewerRole = 'primary' | 'secondary' | 'adjudicator';

/** The reviewer's word on one finding: agree with the engine, or override it with a written reason. */
export type FindingDecision =
  | { findingId: number; decision: 'agree' }
  | { findingId: number; decision: 'override'; reason: string };

export interface ReviewInput {
  planId: number;
  /** the evaluation the reviewer looked at (null when the plan was never evaluated) */
  evaluationId: number | null;
  reviewer: string;
  role: ReviewerRole;
  grade: Exclude<Grade, 'not_evaluable'> | 'not_evaluable';
  comment: string;
  decisions: readonly FindingDecision[];
}

export interface StoredReview {
  id: number;
  planId: number;
  evaluationId: number | null;
  reviewer: string;
  role: ReviewerRole;
  grade: Grade;
  comment: string;
  reviewedAt: string;
  decisions: { findingId: number; decision: 'agree' | 'override'; reason: string | null }[];
}

/** A review the database refuses, with the reason in words (nothing is written). */
export class ReviewRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewRejected';
  }
}

/**
 * Record a review and its per-finding decisions, audited, inside the caller's write transaction.
 * Refused (ReviewRejected, nothing written): an empty reviewer, an override without a reason, a finding
 * that does not belong to the reviewed evaluation. Reviews are never edited: a new one supersedes.
 */
export function saveReview(w: Writer, input: ReviewInput): StoredReview {
  if (!input.reviewer.trim()) throw new ReviewRejected('a review needs the reviewer\'s name');
  const belongs = w.db.prepare('SELECT 1 FROM findings WHERE id = ? AND evaluation_id = ?');
  for (const d of input.decisions) {
    if (d.decision === 'override' && !d.reason?.trim()) {
      throw new ReviewRejected(`finding ${d.findingId}: an override needs a written reason (override:REASON)`);
    }
    if (input.evaluationId === null || !belongs.get(d.findingId, input.evaluationId)) {
      throw new ReviewRejected(`finding ${d.findingId} is not a finding of this plan's evaluation${input.evaluationId === null ? ' (the plan has no evaluation)' : ` ${input.evaluationId}`}`);
    }
  }
  const reviewedAt = new Date().toISOString();
  const reviewId = Number(w.db.prepare(`INSERT INTO reviews (plan_id, evaluation_id, reviewer, role, grade, comment, reviewed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(input.planId, input.evaluationId, input.reviewer.trim(), input.role, input.grade, input.comment, reviewedAt).lastInsertRowid);
  const insert = w.db.prepare('INSERT INTO finding_reviews (review_id, finding_id, decision, reason) VALUES (?, ?, ?, ?)');
  const decisions = input.decisions.map((d) => ({ findingId: d.findingId, decision: d.decision, reason: d.decision === 'override' ? d.reason.trim() : null }));
  for (const d of decisions) insert.run(reviewId, d.findingId, d.decision, d.reason);
  const stored: StoredReview = { id: reviewId, planId: input.planId, evaluationId: input.evaluationId, reviewer: input.reviewer.trim(), role: input.role, grade: input.grade, comment: input.comment, reviewedAt, decisions };
  appendAudit(w.db, { actor: w.actor, action: 'review.create', entity: 'review', entityId: reviewId, before: null, after: stored });
  return stored;
}

interface ReviewRow { id: number; plan_id: number; evaluation_id: number | null; reviewer: string; role: ReviewerRole; grade: Grade; comment: string; reviewed_at: string }

function toReview(db: Db, r: ReviewRow): StoredReview {
  const decisions = db.prepare('SELECT finding_id AS findingId, decision, reason FROM finding_reviews WHERE review_id = ? ORDER BY id')
    .all(r.id) as StoredReview['decisions'];
  return { id: r.id, planId: r.plan_id, evaluationId: r.evaluation_id, reviewer: r.reviewer, role: r.role, grade: r.grade, comment: r.comment, reviewedAt: r.reviewed_at, decisions };
}

/** The newest review of a plan, or null. */
export function latestReview(db: Db, planId: number): StoredReview | null {
  const row = db.prepare('SELECT * FROM reviews WHERE plan_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1').get(planId) as ReviewRow | undefined;
  return row ? toReview(db, row) : null;
}

export function listReviews(db: Db, planId: number): StoredReview[] {
  return (db.prepare('SELECT * FROM reviews WHERE plan_id = ? ORDER BY id').all(planId) as ReviewRow[]).map((r) => toReview(db, r));
}
