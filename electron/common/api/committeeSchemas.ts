import { z } from 'zod';
import { idSchema } from './vocabularySchemas';

/** Per-centre figures a QA committee reads (filled by the committee issue; same numbers as the CLI report). */
export const centreSummarySchema = z.object({
  centreId: idSchema,
  centre: z.string(),
  plans: z.number().int().min(0),
  reviewed: z.number().int().min(0),
  perProtocol: z.number().int().min(0),
  minor: z.number().int().min(0),
  major: z.number().int().min(0),
  notEvaluable: z.number().int().min(0),
  /** major-deviation rate with its 95 % Wilson interval, fractions in [0, 1] */
  majorRate: z.number().nullable(),
  majorRateCi: z.tuple([z.number(), z.number()]).nullable(),
  driftSignal: z.boolean(),
});

export const getCommitteeSummaryInput = z.strictObject({ trialId: idSchema });
export const getCommitteeSummaryOutput = z.object({
  trialId: idSchema,
  centres: z.array(centreSummarySchema),
  /** Cohen's/Fleiss' kappa over double-reviewed plans, null with fewer than two reviewers per plan */
  kappa: z.number().nullable(),
  /** further committee figures (drift charts, population DVHs, model-vs-expert) as the committee issue defines */
  details: z.record(z.string(), z.unknown()),
});
export type CommitteeSummary = z.infer<typeof getCommitteeSummaryOutput>;
