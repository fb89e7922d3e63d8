import { describe, expect, it } from 'vitest';
import { buildCommitteeSummary } from '../../electron/common/domain/committee/buildCommitteeSummary';
import type { CommitteePlanRecord } from '../../electron/common/domain/committee/committeeTypes';
import { drawCentres, drawPatients } from '../../electron/common/domain/synth/drawCohort';
import { SeededRandom } from '../../electron/common/domain/synth/seededRandom';

/**
 * The committee's drift signal on the in-silico trial's own cohort model (the generator's draw of centres,
 * plan dates and planted deviations — the same draw `rtqa synth` makes, without writing DICOM, so 20 trials
 * take a second). A plan counts as deviating when the generator planted a deviation in it; the protocol engine
 * recovers those grades (tests/integration/batchTrial.test.ts).
 */
function committeeRecords(seed: number, patients: number, centres: number) {
  const rng = new SeededRandom(`trial/${seed}`);
  const centreSpecs = drawCentres(rng.fork('centres'), centres);
  const plans = drawPatients(rng.fork('patients'), centreSpecs, patients);
  const records: CommitteePlanRecord[] = plans.map((p) => ({
    planId: p.patientId, patientId: p.patientId, centre: p.centre.centre, planDate: p.planDate,
    // as in the app: the DICOM export carries no tumour site, so no case-mix adjustment
    tumourSite: null,
    protocolGrade: p.deviations.length === 0 ? 'per_protocol' : p.deviations.some((d) => d.grade === 'major') ? 'major' : 'minor',
    deviationKinds: p.deviations.map((d) => d.kind), reviews: [], predictedMajorProbability: null, keyMetrics: {},
  }));
  return { records, drifting: new Set(centreSpecs.filter((c) => c.drifting).map((c) => c.centre)), centreSpecs };
}

function driftCounts(patients: number) {
  let stable = 0; let falseSignals = 0; let drifting = 0; let detected = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const trial = committeeRecords(seed, patients, 5);
    for (const centre of buildCommitteeSummary(trial.records).centres) {
      if (trial.drifting.has(centre.centre)) { drifting++; if (centre.driftSignal) detected++; } else { stable++; if (centre.driftSignal) falseSignals++; }
    }
  }
  console.log(`synthetic trial of ${patients} patients in 5 centres, 20 seeds: drifting centres signalled ${detected}/${drifting} (${(100 * detected / drifting).toFixed(0)} %), `
    + `stable centres signalled ${falseSignals}/${stable} (false-signal rate ${(100 * falseSignals / stable).toFixed(1)} %)`);
  return { detectionRate: detected / drifting, falseSignalRate: falseSignals / stable };
}

describe('drift signals on the synthetic trial (20 seeds, 5 centres each)', () => {
  it('at trial size (400 patients) signals every centre planted as drifting and no stable one', () => {
    const { detectionRate, falseSignalRate } = driftCounts(400);
    expect(detectionRate).toBeGreaterThanOrEqual(0.9);
    expect(falseSignalRate).toBeLessThanOrEqual(0.02);
  });

  it('at 200 patients (about 40 plans per centre) still keeps false signals rare', () => {
    const { detectionRate, falseSignalRate } = driftCounts(200);
    expect(detectionRate).toBeGreaterThanOrEqual(0.6);
    expect(falseSignalRate).toBeLessThanOrEqual(0.05);
  });

  it('per-centre deviation rates match the generator\'s planted probabilities within their 95 % intervals', () => {
    // the mean planted probability of a centre's plans is the truth its observed rate estimates
    let inside = 0; let total = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { records } = committeeRecords(seed, 200, 5);
      const rng = new SeededRandom(`trial/${seed}`);
      const plans = drawPatients(rng.fork('patients'), drawCentres(rng.fork('centres'), 5), 200);
      for (const centre of buildCommitteeSummary(records).centres) {
        const mine = plans.filter((p) => p.centre.centre === centre.centre);
        const truth = mine.reduce((s, p) => s + p.deviationProbability, 0) / mine.length;
        total++;
        if (truth >= centre.deviationRate.lower && truth <= centre.deviationRate.upper) inside++;
      }
    }
    console.log(`true deviation rate inside the centre's 95 % Wilson interval: ${inside}/${total}`);
    // 95 % intervals: expect about 95 % coverage; below 88 % over 100 centres would mean miscalibration
    expect(inside / total).toBeGreaterThanOrEqual(0.88);
  });
});
