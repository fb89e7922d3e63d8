import { ApiCallError, type AuditEntry, type CallOutput, type ReviewRecord, type SaveReviewRequest } from '../../common/api';
import type { AuditRow } from '../store/auditLog';
import { writeTransaction, type Db } from '../store/openDatabase';
import { listFindings } from '../store/repositories/evaluationRepository';
import { latestReview, listReviews, ReviewRejected, saveReview, type StoredReview } from '../store/repositories/reviewRepository';
import { verifyAuditChain } from '../store/verifyAuditChain';
import { fromApiId, toApiId } from './apiIds';
import { getPlanStatusRow } from './planStatusRows';

/** Saving reviews and reading a plan's audit trail, over the store's repositories. */
export class ReviewService {
  constructor(private readonly db: Db) {}

  saveReview(request: SaveReviewRequest): CallOutput<'saveReview'> {
    const planId = fromApiId(request.planId, 'plan');
    const plan = getPlanStatusRow(this.db, planId);
    if (!plan) throw new ApiCallError('NOT_FOUND', `no plan with id ${request.planId}`);
    const reviewer = request.reviewer.trim();
    const decisions = request.findings.map((d) => {
      const findingId = fromApiId(d.findingId, 'finding');
      return d.decision === 'override' ? { findingId, decision: 'override' as const, reason: d.reason } : { findingId, decision: 'agree' as const };
    });
    // the first reviewer of a plan is its primary reviewer; someone else reviewing it is a second reviewer
    const others = listReviews(this.db, planId).filter((r) => r.reviewer !== reviewer);
    const own = listReviews(this.db, planId).find((r) => r.reviewer === reviewer);
    const role = own?.role ?? (others.length > 0 ? 'secondary' : 'primary');
    let stored: StoredReview;
    try {
      stored = writeTransaction(this.db, `saving the review of plan ${request.planId}`, () => saveReview({ db: this.db, actor: reviewer }, {
        planId, evaluationId: plan.evaluationId, reviewer, role, grade: request.overallGrade, comment: request.comment, decisions,
      }));
    } catch (error) {
      if (error instanceof ReviewRejected) throw new ApiCallError('CONFLICT', error.message);
      throw error;
    }
    return { review: this.toRecord(stored) };
  }

  latestReview(planId: number): ReviewRecord | null {
    const stored = latestReview(this.db, planId);
    return stored ? this.toRecord(stored) : null;
  }

  getAuditLog(planIdText: string): CallOutput<'getAuditLog'> {
    const planId = fromApiId(planIdText, 'plan');
    if (!getPlanStatusRow(this.db, planId)) throw new ApiCallError('NOT_FOUND', `no plan with id ${planIdText}`);
    const rows = this.db.prepare(`SELECT * FROM audit_log WHERE
        (entity = 'plan' AND entity_id = @plan)
        OR (entity = 'review' AND entity_id IN (SELECT CAST(id AS TEXT) FROM reviews WHERE plan_id = @planId))
        OR (entity = 'evaluation' AND entity_id IN (SELECT CAST(id AS TEXT) FROM evaluations WHERE plan_id = @planId))
        OR (entity = 'prediction' AND entity_id IN (SELECT CAST(id AS TEXT) FROM predictions WHERE plan_id = @planId))
        OR (entity = 'riskMap' AND json_extract(COALESCE(after_json, before_json), '$.planId') = @planId)
      ORDER BY id`).all({ plan: String(planId), planId }) as AuditRow[];
    const entries: AuditEntry[] = rows.map((r) => ({
      auditId: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      hash: r.hash,
    }));
    const chain = verifyAuditChain(this.db);
    const chainMessage = chain.ok ? null : chain.problems.slice(0, 3).map((p) => `row ${p.rowId}: ${p.problem}`).join('; ');
    return { entries, chainValid: chain.ok, chainMessage };
  }

  private toRecord(review: StoredReview): ReviewRecord {
    const findingCount = review.evaluationId === null ? 0 : listFindings(this.db, review.evaluationId).length;
    return {
      reviewId: toApiId(review.id),
      planId: toApiId(review.planId),
      reviewer: review.reviewer,
      overallGrade: review.grade,
      comment: review.comment,
      status: review.decisions.length >= findingCount ? 'done' : 'in_review',
      savedAt: review.reviewedAt,
      findings: review.decisions.map((d) => ({ findingId: toApiId(d.findingId), decision: d.decision, reason: d.reason })),
    };
  }
}
