import type { Grade } from '../protocol/protocolSchema';
import { centreDrift, DRIFT_THRESHOLD } from './centreDrift';
import type { CentreSummary, CommitteePlanRecord, CommitteeSummary, ModelVersusExpert, ReviewerAgreement } from './committeeTypes';
import { expertGrade, finalGrade } from './finalGrade';
import { cohenKappa, fleissKappa } from './kappa';
import { metricEwma } from './ewmaChart';
import { wilsonInterval } from './wilsonInterval';

const GRADES: readonly Grade[] = ['per_protocol', 'minor', 'major', 'not_evaluable'];
const isDeviation = (g: Grade | null) => g === 'minor' || g === 'major';
const logit = (p: number) => Math.log(p / (1 - p));

/** Everything the committee screen and `rtqa report --by centre` show, from plan records. Pure. */
export function buildCommitteeSummary(plans: readonly CommitteePlanRecord[]): CommitteeSummary {
  const graded = plans.map((plan) => ({ plan, grade: finalGrade(plan) }));
  const trialRate = rate(graded.filter((g) => isDeviation(g.grade)).length, graded.length);
  const caseMix = siteLogOdds(graded.map((g) => ({ site: g.plan.tumourSite, deviated: isDeviation(g.grade) })), trialRate);
  const metricReference = metricReferences(plans);

  const centreNames = [...new Set(plans.map((p) => p.centre))].sort();
  const centres: CentreSummary[] = centreNames.map((centre) => {
    const mine = graded.filter((g) => g.plan.centre === centre).sort((a, b) => a.plan.planDate.localeCompare(b.plan.planDate));
    const count = (grade: Grade) => mine.filter((g) => g.grade === grade).length;
    const byKind: Record<string, number> = {};
    for (const { plan } of mine) for (const kind of new Set(plan.deviationKinds)) byKind[kind] = (byKind[kind] ?? 0) + 1;
    const drift = centreDrift(mine.map(({ plan, grade }) => ({
      planId: plan.planId, planDate: plan.planDate, deviated: isDeviation(grade), caseMixLogOdds: caseMix.get(plan.tumourSite) ?? 0,
    })), trialRate);
    const firstPlanDate = mine[0]?.plan.planDate ?? null;
    const lastPlanDate = mine.at(-1)?.plan.planDate ?? null;
    const months = firstPlanDate && lastPlanDate ? Math.max(1, (Date.parse(lastPlanDate) - Date.parse(firstPlanDate)) / (30.44 * 86_400_000)) : 1;
    const withInterval = (events: number) => {
      const w = wilsonInterval(events, mine.length);
      return { count: events, rate: w.proportion, lower: w.lower, upper: w.upper };
    };
    return {
      centre,
      plans: mine.length,
      reviewed: mine.filter((g) => g.plan.reviews.length > 0).length,
      major: count('major'), minor: count('minor'), perProtocol: count('per_protocol'), notEvaluable: count('not_evaluable'),
      majorRate: withInterval(count('major')),
      deviationRate: withInterval(count('major') + count('minor')),
      byKind, firstPlanDate, lastPlanDate,
      accrualPerMonth: mine.length / months,
      driftSignal: drift.signal,
      driftThreshold: DRIFT_THRESHOLD,
      drift: drift.points,
      metricDrift: Object.fromEntries([...metricReference].map(([metric, ref]) => {
        const series = mine.filter((g) => Number.isFinite(g.plan.keyMetrics[metric]));
        const ewma = metricEwma(series.map((g) => g.plan.keyMetrics[metric]), ref.mean, ref.sd);
        return [metric, {
          signal: ewma.some((p) => p.signal === 'high'),
          points: series.map((g, i) => ({ planDate: g.plan.planDate, value: g.plan.keyMetrics[metric], ewma: ewma[i].statistic, upper: ewma[i].upperLimit, lower: ewma[i].lowerLimit })),
        }];
      })),
    };
  });

  const reviewerAgreement = agreementOf(plans);
  return {
    centres,
    totals: {
      plans: plans.length,
      major: graded.filter((g) => g.grade === 'major').length,
      minor: graded.filter((g) => g.grade === 'minor').length,
      perProtocol: graded.filter((g) => g.grade === 'per_protocol').length,
      notEvaluable: graded.filter((g) => g.grade === 'not_evaluable' || g.grade === null).length,
    },
    kappa: reviewerAgreement.cohenKappa ?? reviewerAgreement.fleissKappa,
    reviewerAgreement,
    modelVersusExpert: modelVersusExpert(plans),
    method: 'Grades: adjudicated > primary review > automatic protocol grade. Rates: Wilson 95 % intervals. '
      + 'Drift: risk-adjusted Bernoulli CUSUM (Steiner 2000, R_A = 4, h = 3.5) on minor-or-major deviations against the centre\'s own '
      + 'baseline (first third of its plans, ≥ 5, shrunk to the trial rate) adjusted for tumour site, confirmed by a Cochran–Armitage trend (one-sided p < 0.05); '
      + 'key metrics: EWMA (λ 0.2, L 2.7) against the trial mean and SD.',
  };
}

function rate(events: number, n: number): number {
  // keep away from 0 and 1 so log-odds stay finite
  return (events + 0.5) / (n + 1);
}

/** Log-odds of deviation per tumour site relative to the trial, shrunk with 4 pseudo-plans at the trial rate. */
function siteLogOdds(rows: readonly { site: string | null; deviated: boolean }[], trialRate: number): Map<string | null, number> {
  const result = new Map<string | null, number>();
  for (const site of new Set(rows.map((r) => r.site))) {
    const mine = rows.filter((r) => r.site === site);
    const siteRate = (mine.filter((r) => r.deviated).length + 4 * trialRate) / (mine.length + 4);
    result.set(site, logit(siteRate) - logit(trialRate));
  }
  return result;
}

function metricReferences(plans: readonly CommitteePlanRecord[]): Map<string, { mean: number; sd: number }> {
  const names = new Set(plans.flatMap((p) => Object.keys(p.keyMetrics)));
  const result = new Map<string, { mean: number; sd: number }>();
  for (const name of names) {
    const values = plans.map((p) => p.keyMetrics[name]).filter(Number.isFinite);
    if (values.length < 3) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    if (sd > 0) result.set(name, { mean, sd });
  }
  return result;
}

function agreementOf(plans: readonly CommitteePlanRecord[]): ReviewerAgreement {
  const multi = plans.filter((p) => new Set(p.reviews.filter((r) => r.role !== 'adjudicator').map((r) => r.reviewer)).size >= 2);
  const latestByRole = (p: CommitteePlanRecord, role: string) => [...p.reviews].filter((r) => r.role === role).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  const pairs = multi.map((p) => [latestByRole(p, 'primary'), latestByRole(p, 'secondary')] as const).filter(([a, b]) => a && b);
  const cohen = pairs.length >= 2 ? cohenKappa(pairs.map(([a]) => a!.grade), pairs.map(([, b]) => b!.grade)) : null;
  const perPlan = multi.map((p) => latestPerReviewer(p));
  const usualCount = mode(perPlan.map((r) => r.length));
  const fleissRows = perPlan.filter((r) => r.length === usualCount).map((r) => GRADES.map((g) => r.filter((x) => x.grade === g).length));
  const fleiss = fleissRows.length >= 2 ? fleissKappa(fleissRows) : null;
  return {
    plansWithTwoOrMoreReviews: multi.length,
    cohenKappa: cohen,
    fleissKappa: fleiss,
    disagreements: multi.filter((p) => new Set(latestPerReviewer(p).map((r) => r.grade)).size > 1).map((p) => ({
      planId: p.planId, patientId: p.patientId, centre: p.centre,
      grades: latestPerReviewer(p).map((r) => ({ reviewer: r.reviewer, role: r.role, grade: r.grade })),
    })),
  };
}

function latestPerReviewer(plan: CommitteePlanRecord) {
  const latest = new Map<string, CommitteePlanRecord['reviews'][number]>();
  for (const review of [...plan.reviews].filter((r) => r.role !== 'adjudicator').sort((a, b) => a.at.localeCompare(b.at))) latest.set(review.reviewer, review);
  return [...latest.values()];
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function modelVersusExpert(plans: readonly CommitteePlanRecord[]): ModelVersusExpert {
  const predicted = plans.filter((p) => p.predictedMajorProbability !== null);
  const agreement = (gradeOf: (p: CommitteePlanRecord) => Grade | null) => {
    const rows = predicted.filter((p) => gradeOf(p) !== null && gradeOf(p) !== 'not_evaluable');
    if (rows.length === 0) return null;
    return rows.filter((p) => (p.predictedMajorProbability! >= 0.5) === (gradeOf(p) === 'major')).length / rows.length;
  };
  return {
    plansWithPrediction: predicted.length,
    agreementWithReviewers: agreement(expertGrade),
    agreementWithProtocol: agreement((p) => p.protocolGrade),
    largestDisagreements: predicted
      .map((p) => ({ p, expert: expertGrade(p) ?? p.protocolGrade }))
      .filter(({ expert }) => expert !== null && expert !== 'not_evaluable')
      .map(({ p, expert }) => ({ p, expert, gap: Math.abs(p.predictedMajorProbability! - (expert === 'major' ? 1 : 0)) }))
      .sort((a, b) => b.gap - a.gap)
      .slice(0, 10)
      .map(({ p, expert }) => ({ planId: p.planId, patientId: p.patientId, centre: p.centre, predictedMajorProbability: p.predictedMajorProbability!, expertGrade: expertGrade(p), protocolGrade: p.protocolGrade ?? expert })),
  };
}
