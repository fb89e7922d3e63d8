import type { PlanFacts } from './evaluationTypes';
import type { Protocol, ProtocolSchedule } from './protocolSchema';

/**
 * The protocol schedule a plan is checked against: the one whose prescription is closest to the plan's
 * (relative difference), then the closest number of fractions. The prescribed dose says which treatment was
 * intended (70 Gy definitive vs 66 Gy post-operative); the fraction number is what may deviate — a 70 Gy plan in
 * 33 fractions is a fractionation deviation of the 70 Gy schedule, not a 66 Gy plan with the wrong dose.
 * With no prescription, fractions decide; with nothing known, the first schedule. Always returns one of the
 * protocol's schedules, so a deviation becomes a finding against the nearest schedule instead of "no schedule".
 */
export function selectSchedule(protocol: Pick<Protocol, 'schedules'>, plan: Pick<PlanFacts, 'prescriptionGy' | 'fractions'>): ProtocolSchedule {
  const cost = (s: ProtocolSchedule): [number, number] => {
    const prescribedGy = s.doseLevels[0].doseGy;
    const rxRelative = plan.prescriptionGy === null ? 0 : Math.abs(plan.prescriptionGy - prescribedGy) / prescribedGy;
    const fxDelta = plan.fractions === null ? 0 : Math.abs(plan.fractions - s.fractions);
    // prescriptions within 0.5 % count as the same level (rounding in exports)
    return [Math.round(rxRelative * 200), fxDelta];
  };
  let best = protocol.schedules[0];
  let bestCost = cost(best);
  for (const schedule of protocol.schedules.slice(1)) {
    const c = cost(schedule);
    if (c[0] < bestCost[0] || (c[0] === bestCost[0] && c[1] < bestCost[1])) { best = schedule; bestCost = c; }
  }
  return best;
}
