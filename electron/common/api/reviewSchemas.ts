import { z } from 'zod';
import { gradeSchema, idSchema, reviewStatusSchema } from './vocabularySchemas';

/** The reviewer's decision on one finding: agree with the automatic grade, or override it with a reason. */
export const findingDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ findingId: idSchema, decision: z.literal('agree') }),
  z.strictObject({
    findingId: idSchema,
    decision: z.literal('override'),
    /** why the reviewer disagrees; required, it goes into the audit trail */
    reason: z.string().trim().min(3, { message: 'an override needs a written reason' }).max(4000),
  }),
]);
export type FindingDecision = z.infer<typeof findingDecisionSchema>;

export const saveReviewInput = z.strictObject({
  planId: idSchema,
  reviewer: z.string().trim().min(1, { message: 'reviewer name is required' }).max(200),
  overallGrade: gradeSchema,
  comment: z.string().max(20000).default(''),
  /**
   * Decisions on the plan's findings. A review that decides every finding of the plan makes the plan `done`;
   * one that leaves findings undecided keeps it `in_review` (saved work in progress). Reviews are never
   * edited: each save is a new review in the audit trail, the newest one counts.
   */
  findings: z.array(findingDecisionSchema).max(2000),
});
export type SaveReviewRequest = z.infer<typeof saveReviewInput>;

export const reviewRecordSchema = z.object({
  reviewId: idSchema,
  planId: idSchema,
  reviewer: z.string(),
  overallGrade: gradeSchema,
  comment: z.string(),
  /** in_review or done, see saveReviewInput.findings */
  status: reviewStatusSchema,
  /** ISO 8601 UTC */
  savedAt: z.string(),
  findings: z.array(z.object({
    findingId: idSchema,
    decision: z.enum(['agree', 'override']),
    reason: z.string().nullable(),
  })),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export const saveReviewOutput = z.object({ review: reviewRecordSchema });

/** One row of the append-only, hash-chained audit log. */
export const auditEntrySchema = z.object({
  auditId: z.union([z.string(), z.number()]),
  /** ISO 8601 UTC */
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** JSON of the row before and after the write, null for inserts / deletes */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const getAuditLogInput = z.strictObject({ planId: idSchema });
export const getAuditLogOutput = z.object({
  entries: z.array(auditEntrySchema),
  /** result of verifying the whole hash chain; message says where it breaks */
  chainValid: z.boolean(),
  chainMessage: z.string().nullable(),
});
