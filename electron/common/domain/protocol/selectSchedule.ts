import type { PlanFacts } from './evaluationTypes';
import type { Protocol, ProtocolSchedule } from './protocolSchema';

/**
 * The protocol schedule a plan is checked against: the one that matches the plan's fractions, then the
 * closest prescription (relative difference). With no prescription or fractions, the closest on what is
 * known; with nothing known, the first schedule. Always returns one of the protocol's schedules, so a wrong
 * fraction number becomes a finding against the nearest schedule instead of "no schedule".
 */
export function selectSchedule(protocol: Protocol, plan: PlanFacts): ProtocolSchedule {
  const cost = (s: ProtocolSchedule): [number, number, number] => {
    const prescribedGy = s.doseLevels[0].doseGy;
    const rxRelative = plan.prescriptionGy === null ? 0 : Math.abs(plan.prescriptionGy - prescribedGy) / prescribedGy;
    const fxDelta = plan.fractions === null ? 0 : Math.abs(plan.fractions - s.fractions);
    return [fxDelta === 0 ? 0 : 1, rxRelative, fxDelta];
  };
  let best = protocol.schedules[0];
  let bestCost = cost(best);
  for (const schedule of protocol.schedules.slice(1)) {
    const c = cost(schedule);
    const better = c[0] !== bestCost[0] ? c[0] < bestCost[0] : c[1] !== bestCost[1] ? c[1] < bestCost[1] : c[2] < bestCost[2];
    if (better) { best = schedule; bestCost = c; }
  }
  return best;
}
