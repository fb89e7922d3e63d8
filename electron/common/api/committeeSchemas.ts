import { z } from 'zod';
import { gradeSchema, idSchema } from './vocabularySchemas';

/**
 * What a QA committee reads: the same figures as `rtqa report --by centre --format json`
 * (electron/common/domain/committee/buildCommitteeSummary.ts computes both).
 */
const rateSchema = z.object({
  count: z.number().int().min(0),
  /** fraction in [0, 1]; NaN is sent as null */
  rate: z.number().nullable(),
  /** 95 % Wilson interval, fractions */
  lower: z.number(),
  upper: z.number(),
});

const driftPointSchema = z.object({
  planId: z.string(),
  planDate: z.string(),
  deviated: z.boolean(),
  expectedProbability: z.number().nullable(),
  cusum: z.number(),
});

const metricDriftSchema = z.object({
  signal: z.boolean(),
  points: z.array(z.object({ planDate: z.string(), value: z.number(), ewma: z.number(), upper: z.number(), lower: z.number() })),
});

export const centreSummarySchema = z.object({
  centre: z.string(),
  plans: z.number().int().min(0),
  reviewed: z.number().int().min(0),
  perProtocol: z.number().int().min(0),
  minor: z.number().int().min(0),
  major: z.number().int().min(0),
  notEvaluable: z.number().int().min(0),
  majorRate: rateSchema,
  deviationRate: rateSchema,
  byKind: z.record(z.string(), z.number().int()),
  firstPlanDate: z.string().nullable(),
  lastPlanDate: z.string().nullable(),
  accrualPerMonth: z.number(),
  driftSignal: z.boolean(),
  driftThreshold: z.number(),
  drift: z.array(driftPointSchema),
  metricDrift: z.record(z.string(), metricDriftSchema),
});

const reviewerAgreementSchema = z.object({
  plansWithTwoOrMoreReviews: z.number().int().min(0),
  cohenKappa: z.number().nullable(),
  fleissKappa: z.number().nullable(),
  disagreements: z.array(z.object({
    planId: z.string(), patientId: z.string(), centre: z.string(),
    grades: z.array(z.object({ reviewer: z.string(), role: z.string(), grade: gradeSchema })),
  })),
});

const modelVersusExpertSchema = z.object({
  plansWithPrediction: z.number().int().min(0),
  agreementWithReviewers: z.number().nullable(),
  agreementWithProtocol: z.number().nullable(),
  largestDisagreements: z.array(z.object({
    planId: z.string(), patientId: z.string(), centre: z.string(), predictedMajorProbability: z.number(),
    expertGrade: gradeSchema.nullable(), protocolGrade: gradeSchema.nullable(),
  })),
});

export const getCommitteeSummaryInput = z.strictObject({ trialId: idSchema.optional() });
export const getCommitteeSummaryOutput = z.object({
  centres: z.array(centreSummarySchema),
  totals: z.object({ plans: z.number().int(), major: z.number().int(), minor: z.number().int(), perProtocol: z.number().int(), notEvaluable: z.number().int() }),
  /** Cohen's kappa (primary vs secondary) when available, else Fleiss', else null */
  kappa: z.number().nullable(),
  reviewerAgreement: reviewerAgreementSchema,
  modelVersusExpert: modelVersusExpertSchema,
  method: z.string(),
});
export type CommitteeSummaryView = z.infer<typeof getCommitteeSummaryOutput>;

/** Population DVH of one structure (TG-263 name) across the trial's plans, as percentile bands. */
export const getPopulationDvhInput = z.strictObject({
  trialId: idSchema.optional(),
  structure: z.string().min(1).max(64),
  /** plan whose curve is drawn over the bands */
  highlightPlanId: idSchema.optional(),
});
export const getPopulationDvhOutput = z.object({
  structure: z.string(),
  plans: z.number().int().min(0),
  doseGy: z.array(z.number()),
  /** percentile → relative volume (%) at each dose */
  bands: z.record(z.string(), z.array(z.number())),
  highlight: z.object({ planId: z.string(), doseGy: z.array(z.number()), volumePercent: z.array(z.number()) }).nullable(),
});
