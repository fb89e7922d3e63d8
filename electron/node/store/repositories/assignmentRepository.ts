import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';
import type { ReviewerRole } from './reviewRepository';

export interface ReviewAssignment {
  id: number;
  planId: number;
  reviewer: string;
  role: ReviewerRole;
  assignedBy: string;
  assignedAt: string;
}

/**
 * Assign a plan to a reviewer in a role (one reviewer per role and plan), audited. Re-assigning a role
 * replaces the reviewer and the audit row keeps who it was before. A plan's secondary reviewer must
 * differ from its primary one, or double review would measure nothing.
 */
export function assignReviewer(w: Writer, planId: number, reviewer: string, role: ReviewerRole): ReviewAssignment {
  const name = reviewer.trim();
  if (!name) throw new Error('an assignment needs the reviewer\'s name');
  const current = listAssignments(w.db, planId);
  const other = current.find((a) => a.role !== role && a.role !== 'adjudicator' && role !== 'adjudicator' && a.reviewer === name);
  if (other) throw new Error(`${name} is already the ${other.role} reviewer of this plan: double review needs two different people`);
  const before = current.find((a) => a.role === role) ?? null;
  const assignedAt = new Date().toISOString();
  w.db.prepare(`INSERT INTO review_assignments (plan_id, reviewer, role, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (plan_id, role) DO UPDATE SET reviewer = excluded.reviewer, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`)
    .run(planId, name, role, w.actor, assignedAt);
  const after = listAssignments(w.db, planId).find((a) => a.role === role)!;
  appendAudit(w.db, { actor: w.actor, action: before ? 'assignment.replace' : 'assignment.create', entity: 'review_assignment', entityId: after.id, before, after });
  return after;
}

export function listAssignments(db: Db, planId: number): ReviewAssignment[] {
  return db.prepare(`SELECT id, plan_id AS planId, reviewer, role, assigned_by AS assignedBy, assigned_at AS assignedAt
    FROM review_assignments WHERE plan_id = ? ORDER BY id`).all(planId) as ReviewAssignment[];
}
