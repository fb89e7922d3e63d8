import { z } from 'zod';
import { findingCountsSchema, gradeSchema, idSchema, radiationSchema, reviewStatusSchema } from './vocabularySchemas';

/** One trial in the database, with its protocol and how far review has come. */
export const trialSummarySchema = z.object({
  trialId: idSchema,
  name: z.string(),
  protocolId: z.string().nullable(),
  protocolVersion: z.string().nullable(),
  centreCount: z.number().int().min(0),
  planCount: z.number().int().min(0),
  reviewedCount: z.number().int().min(0),
  /** true for the in-silico demo trial generated on first start */
  isDemo: z.boolean(),
});
export type TrialSummary = z.infer<typeof trialSummarySchema>;

export const listTrialsInput = z.strictObject({});
export const listTrialsOutput = z.object({ trials: z.array(trialSummarySchema) });

/** One row of the worklist: a plan of a patient at a centre. */
export const worklistPlanSchema = z.object({
  planId: idSchema,
  patientId: z.string(),
  planLabel: z.string().nullable(),
  /** YYYY-MM-DD when the RTPLAN says so */
  planDate: z.string().nullable(),
  radiation: radiationSchema,
  prescriptionGy: z.number().nullable(),
  fractions: z.number().int().nullable(),
  reviewStatus: reviewStatusSchema,
  /** the plan's grade = its worst finding; null before evaluation */
  worstGrade: gradeSchema.nullable(),
  findingCounts: findingCountsSchema,
  /** reviewer of the latest saved review, if any */
  reviewer: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type WorklistPlan = z.infer<typeof worklistPlanSchema>;

export const worklistCentreSchema = z.object({
  centreId: idSchema,
  name: z.string(),
  plans: z.array(worklistPlanSchema),
});
export type WorklistCentre = z.infer<typeof worklistCentreSchema>;

export const worklistTrialSchema = z.object({
  trialId: idSchema,
  name: z.string(),
  centres: z.array(worklistCentreSchema),
});
export type WorklistTrial = z.infer<typeof worklistTrialSchema>;

/**
 * Filters combine with AND; a list filter matches any of its values. `search` matches patient id, plan
 * label and centre name, case-insensitive substring.
 */
export const getWorklistInput = z.strictObject({
  trialId: idSchema.optional(),
  search: z.string().max(200).optional(),
  grades: z.array(gradeSchema).max(4).optional(),
  statuses: z.array(reviewStatusSchema).max(3).optional(),
  centreIds: z.array(idSchema).max(500).optional(),
});
export type WorklistQuery = z.infer<typeof getWorklistInput>;

export const getWorklistOutput = z.object({
  trials: z.array(worklistTrialSchema),
  /** plans matching the filters over all trials */
  totalPlans: z.number().int().min(0),
});
