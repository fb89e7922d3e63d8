import { riskAdjustedCusum } from './riskAdjustedCusum';
import { cochranArmitageZ } from './trendTest';
import type { DriftPoint } from './committeeTypes';

/** Chosen by sweeps over simulated and generated trials (committeeDrift*.test.ts); see centreDrift's doc for the rule. */
export const DRIFT_ODDS_RATIO = 4;
export const DRIFT_THRESHOLD = 3.5;
/** pseudo-plans of the trial-wide rate added to a centre's baseline, so 0/5 does not mean "never" */
const BASELINE_PRIOR_PLANS = 8;
/** one-sided z of the Cochran–Armitage trend test a CUSUM alarm must be backed by (p < 0.05) */
export const TREND_Z = 1.645;

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
 * risk-adjusted CUSUM (Steiner 2000) then runs over the plans after the baseline. A CUSUM alarm counts as
 * a drift signal only when the centre's whole series also shows an upward trend (Cochran–Armitage, one-sided
 * p < 0.05): over long series a CUSUM alone alarms on stable centres too often. A centre that is stably
 * worse than others is not "drifting" — its rates already show that.
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
  const days = plansByDate.map((p) => Date.parse(p.planDate) / 86_400_000);
  const trendZ = cochranArmitageZ(days, plansByDate.map((p) => p.deviated));
  return { points, signal: cusum.some((c) => c.signal) && trendZ !== null && trendZ > TREND_Z };
}
