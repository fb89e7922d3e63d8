import type { Grade } from '../protocol/protocolSchema';
import type { CommitteePlanRecord } from './committeeTypes';

/**
 * The grade a committee counts for a plan: an adjudicated grade wins, then the primary review, then
 * the latest review of any role, then the automatic protocol grade.
 */
export function finalGrade(plan: CommitteePlanRecord): Grade | null {
  const latest = (role?: string) => [...plan.reviews].filter((r) => !role || r.role === role).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  return latest('adjudicator')?.grade ?? latest('primary')?.grade ?? latest()?.grade ?? plan.protocolGrade;
}

/** The grade reviewers gave (adjudicator, else primary, else any), ignoring the automatic one. */
export function expertGrade(plan: CommitteePlanRecord): Grade | null {
  return plan.reviews.length === 0 ? null : finalGrade({ ...plan, protocolGrade: null });
}
