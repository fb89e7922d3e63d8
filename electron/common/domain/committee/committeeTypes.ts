import type { Grade } from '../protocol/protocolSchema';

/** What the committee view needs of one plan; the store assembles it, the builder is pure. */
export interface CommitteePlanRecord {
  readonly planId: string;
  readonly patientId: string;
  readonly centre: string;
  /** YYYY-MM-DD */
  readonly planDate: string;
  readonly tumourSite: string | null;
  /** grade of the automatic protocol evaluation, null when not evaluated */
  readonly protocolGrade: Grade | null;
  /** kinds of the deviations found (e.g. 'organ_overdose', 'target_undercoverage', 'fractionation') */
  readonly deviationKinds: readonly string[];
  readonly reviews: readonly CommitteeReview[];
  /** model's predicted probability of a major deviation, null when no prediction */
  readonly predictedMajorProbability: number | null;
  /** key metrics for drift charts, e.g. { 'Parotid contralateral Dmean': 24.1 } (Gy) */
  readonly keyMetrics: Readonly<Record<string, number>>;
}

export interface CommitteeReview {
  readonly reviewer: string;
  readonly role: 'primary' | 'secondary' | 'adjudicator';
  readonly grade: Grade;
  readonly at: string;
}

export interface RateWithInterval {
  readonly count: number;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface DriftPoint {
  readonly planId: string;
  readonly planDate: string;
  readonly deviated: boolean;
  readonly expectedProbability: number;
  readonly cusum: number;
}

export interface CentreSummary {
  readonly centre: string;
  readonly plans: number;
  readonly reviewed: number;
  readonly major: number;
  readonly minor: number;
  readonly perProtocol: number;
  readonly notEvaluable: number;
  readonly majorRate: RateWithInterval;
  readonly deviationRate: RateWithInterval;
  readonly byKind: Readonly<Record<string, number>>;
  readonly firstPlanDate: string | null;
  readonly lastPlanDate: string | null;
  /** plans per month over the centre's accrual period */
  readonly accrualPerMonth: number;
  readonly driftSignal: boolean;
  readonly driftThreshold: number;
  readonly drift: readonly DriftPoint[];
  /** per key metric: EWMA points and whether it left its limits */
  readonly metricDrift: Readonly<Record<string, { readonly signal: boolean; readonly points: readonly { planDate: string; value: number; ewma: number; upper: number; lower: number }[] }>>;
}

export interface ReviewerAgreement {
  readonly plansWithTwoOrMoreReviews: number;
  /** Cohen's kappa between primary and secondary reviews (null when fewer than 2 such plans or undefined) */
  readonly cohenKappa: number | null;
  /** Fleiss' kappa over plans with exactly the most common number of reviews ≥ 2 */
  readonly fleissKappa: number | null;
  readonly disagreements: readonly { planId: string; patientId: string; centre: string; grades: readonly { reviewer: string; role: string; grade: Grade }[] }[];
}

export interface ModelVersusExpert {
  readonly plansWithPrediction: number;
  /** fraction of plans where (p ≥ 0.5) equals (expert grade is major) */
  readonly agreementWithReviewers: number | null;
  readonly agreementWithProtocol: number | null;
  /** largest |p − expert major indicator| first */
  readonly largestDisagreements: readonly { planId: string; patientId: string; centre: string; predictedMajorProbability: number; expertGrade: Grade | null; protocolGrade: Grade | null }[];
}

export interface CommitteeSummary {
  readonly centres: readonly CentreSummary[];
  readonly totals: { readonly plans: number; readonly major: number; readonly minor: number; readonly perProtocol: number; readonly notEvaluable: number };
  /** headline kappa: Cohen's when available, else Fleiss', else null */
  readonly kappa: number | null;
  readonly reviewerAgreement: ReviewerAgreement;
  readonly modelVersusExpert: ModelVersusExpert;
  readonly method: string;
}
