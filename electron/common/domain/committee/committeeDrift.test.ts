import { describe, expect, it } from 'vitest';
import { buildCommitteeSummary } from './buildCommitteeSummary';
import type { CommitteePlanRecord } from './committeeTypes';

/** mulberry32: a small seeded PRNG so the simulation is reproducible */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = ['oropharynx', 'larynx', 'oral_cavity'];
const SITE_LOG_ODDS: Record<string, number> = { oropharynx: 0, larynx: -0.6, oral_cavity: 0.7 };

/** A trial of stable centres (constant, different rates) and drifting centres (odds rising over time). */
function simulateTrial(seed: number): { plans: CommitteePlanRecord[]; drifting: Set<string> } {
  const random = prng(seed);
  const plans: CommitteePlanRecord[] = [];
  const drifting = new Set<string>();
  for (let c = 0; c < 8; c++) {
    const centre = `C${c + 1}`;
    const isDrifting = c < 2;
    if (isDrifting) drifting.add(centre);
    const n = 20 + Math.floor(random() * 25);
    const baseLogOdds = -2 + random() * 1.3; // 12 %–33 % baseline
    for (let i = 0; i < n; i++) {
      const site = SITES[Math.floor(random() * SITES.length)];
      const progress = i / (n - 1);
      const drift = isDrifting ? (progress < 0.4 ? 0 : 3.2 * (progress - 0.4) / 0.6) : 0;
      const p = 1 / (1 + Math.exp(-(baseLogOdds + SITE_LOG_ODDS[site] + drift)));
      const deviated = random() < p;
      const day = new Date(Date.UTC(2024, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
      plans.push({
        planId: `${centre}-${i}`, patientId: `${centre}-P${i}`, centre, planDate: day, tumourSite: site,
        protocolGrade: deviated ? (random() < 0.4 ? 'major' : 'minor') : 'per_protocol',
        deviationKinds: deviated ? ['organ_overdose'] : [], reviews: [], predictedMajorProbability: null, keyMetrics: {},
      });
    }
  }
  return { plans, drifting };
}

describe('centre drift detection (risk-adjusted CUSUM against the centre baseline)', () => {
  it('signals drifting centres and rarely stable ones over 20 simulated trials', () => {
    let stable = 0; let falseSignals = 0; let driftingTotal = 0; let detected = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { plans, drifting } = simulateTrial(seed);
      for (const centre of buildCommitteeSummary(plans).centres) {
        if (drifting.has(centre.centre)) { driftingTotal++; if (centre.driftSignal) detected++; } else { stable++; if (centre.driftSignal) falseSignals++; }
      }
    }
    const falseSignalRate = falseSignals / stable;
    const detectionRate = detected / driftingTotal;
    console.log(`drift simulation over 20 trials: false-signal rate ${(100 * falseSignalRate).toFixed(1)} % of ${stable} stable centres, detection ${(100 * detectionRate).toFixed(1)} % of ${driftingTotal} drifting centres`);
    expect(falseSignalRate).toBeLessThanOrEqual(0.08);
    expect(detectionRate).toBeGreaterThanOrEqual(0.7);
  });

  it('counts grades per centre with Wilson intervals', () => {
    const { plans } = simulateTrial(3);
    const summary = buildCommitteeSummary(plans);
    const c1 = summary.centres.find((c) => c.centre === 'C1')!;
    const mine = plans.filter((p) => p.centre === 'C1');
    expect(c1.plans).toBe(mine.length);
    expect(c1.major).toBe(mine.filter((p) => p.protocolGrade === 'major').length);
    expect(c1.major + c1.minor + c1.perProtocol).toBe(mine.length);
    expect(c1.majorRate.lower).toBeLessThanOrEqual(c1.majorRate.rate);
    expect(c1.majorRate.upper).toBeGreaterThanOrEqual(c1.majorRate.rate);
    expect(summary.totals.plans).toBe(plans.length);
  });
});

describe('reviewer agreement and model versus expert', () => {
  const base = { centre: 'A', planDate: '2025-01-01', tumourSite: null, deviationKinds: [], keyMetrics: {} } as const;
  const plan = (id: string, g1: 'major' | 'minor' | 'per_protocol', g2: 'major' | 'minor' | 'per_protocol', p: number | null): CommitteePlanRecord => ({
    ...base, planId: id, patientId: id, protocolGrade: g1, predictedMajorProbability: p,
    reviews: [
      { reviewer: 'r1', role: 'primary', grade: g1, at: '2025-02-01T10:00:00Z' },
      { reviewer: 'r2', role: 'secondary', grade: g2, at: '2025-02-02T10:00:00Z' },
    ],
  });

  it('computes Cohen\'s kappa on primary vs secondary grades and lists disagreements', () => {
    // 4 plans: agreements major/major, minor/minor, per/per; one disagreement major/minor.
    // po = 3/4; primary marginals: major 2, minor 1, per 1; secondary: major 1, minor 2, per 1
    // pe = (2·1 + 1·2 + 1·1)/16 = 5/16 → κ = (12/16 − 5/16)/(11/16) = 7/11
    const plans = [plan('a', 'major', 'major', 0.9), plan('b', 'minor', 'minor', 0.2), plan('c', 'per_protocol', 'per_protocol', 0.1), plan('d', 'major', 'minor', 0.3)];
    const summary = buildCommitteeSummary(plans);
    expect(summary.kappa).toBeCloseTo(7 / 11, 12);
    expect(summary.reviewerAgreement.disagreements.map((d) => d.planId)).toEqual(['d']);
    // model: a (0.9, major) agrees, b, c agree, d (0.3, primary major) disagrees → 3/4
    expect(summary.modelVersusExpert.agreementWithReviewers).toBe(0.75);
    expect(summary.modelVersusExpert.largestDisagreements[0].planId).toBe('d');
  });

  it('lets an adjudicated grade decide the counted grade', () => {
    const p = plan('x', 'major', 'minor', null);
    const adjudicated = { ...p, reviews: [...p.reviews, { reviewer: 'chair', role: 'adjudicator' as const, grade: 'minor' as const, at: '2025-03-01T00:00:00Z' }] };
    expect(buildCommitteeSummary([adjudicated]).centres[0].minor).toBe(1);
  });
});
