import { riskAdjustedCusum } from './riskAdjustedCusum';
import type { DriftPoint } from './committeeTypes';

/** Chosen by a sweep over simulated trials (committeeDrift.test.ts): ~6 % false signals, ~70 % detection of a 3.2-logit rise. */
export const DRIFT_ODDS_RATIO = 4;
export const DRIFT_THRESHOLD = 4;
/** pseudo-plans of the trial-wide rate added to a centre's baseline, so 0/5 does not mean "never" */
const BASELINE_PRIOR_PLANS = 8;

export interface DriftInput {
  readonly planId: string;
  readonly planDate: string;
  readonly deviated: boolean;
  /** log-odds of deviation of this plan's case mix (tumour site) relative to the trial average */
  readonly caseMixLogOdds: number;
}

/**
 * Drift is a change within a centre, so the reference is the centre's own baseline (its first third of
 * plans, at least 5), shrunk towards the trial rate, then adjusted for each plan's case mix; a
 * risk-adjusted CUSUM (Steiner 2000) then runs over the plans after the baseline. A centre that is
 * stably worse than others is not "drifting" — its rates already show that.
 */
export function centreDrift(plansByDate: readonly DriftInput[], trialDeviationRate: number): { points: DriftPoint[]; signal: boolean } {
  const baselineCount = Math.max(5, Math.floor(plansByDate.length / 3));
  if (plansByDate.length <= baselineCount) {
    return { points: plansByDate.map((p) => ({ planId: p.planId, planDate: p.planDate, deviated: p.deviated, expectedProbability: Number.NaN, cusum: 0 })), signal: false };
  }
  const baseline = plansByDate.slice(0, baselineCount);
  const monitored = plansByDate.slice(baselineCount);
  const baselineEvents = baseline.filter((p) => p.deviated).length;
  const baselineRate = (baselineEvents + BASELINE_PRIOR_PLANS * trialDeviationRate) / (baselineCount + BASELINE_PRIOR_PLANS);
  const baselineLogit = Math.log(baselineRate / (1 - baselineRate));
  const expected = monitored.map((p) => 1 / (1 + Math.exp(-(baselineLogit + p.caseMixLogOdds))));
  const cusum = riskAdjustedCusum(monitored.map((p) => p.deviated), expected, { oddsRatioAlternative: DRIFT_ODDS_RATIO, threshold: DRIFT_THRESHOLD });
  const points: DriftPoint[] = [
    ...baseline.map((p) => ({ planId: p.planId, planDate: p.planDate, deviated: p.deviated, expectedProbability: baselineRate, cusum: 0 })),
    ...monitored.map((p, i) => ({ planId: p.planId, planDate: p.planDate, deviated: p.deviated, expectedProbability: expected[i], cusum: cusum[i].score })),
  ];
  return { points, signal: cusum.some((c) => c.signal) };
}
