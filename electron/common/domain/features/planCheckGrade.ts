import { checkPlanFacts } from '../protocol/checkPlanFacts';
import { EVALUATION_ENGINE_VERSION } from '../protocol/evaluationTypes';
import type { Grade, Protocol, ProtocolSchedule } from '../protocol/protocolSchema';
import type { RadiationType } from '../rt/rtTypes';
import { worstGrade } from '../protocol/worstGrade';

/** The protocol fields the plan-level checks read. */
export type PlanCheckProtocol = Pick<Protocol, 'schedules'> & Partial<Pick<Protocol, 'radiationTypes' | 'maxDoseGridSpacingMm'>>;

/**
 * Worst grade of the plan-level protocol checks (fractions, prescription, radiation type, dose-grid spacing),
 * from the evaluation's own checkPlanFacts against the plan's schedule (selectSchedule). Why a feature: a wrong
 * fractionation or a too-coarse dose grid is a major deviation that no organ's DVH shows. not_evaluable counts
 * as per protocol here: the model cannot learn from what the plan does not state.
 */
export function planCheckGrade(
  protocol: PlanCheckProtocol, schedule: ProtocolSchedule,
  plan: { prescriptionGy: number | null; fractions: number | null; radiationType: RadiationType; doseGridSpacingMm: number | null },
): Exclude<Grade, 'not_evaluable'> {
  // the findings are graded here, never shown or stored: their provenance is a placeholder
  const provenance = { protocolId: 'features', protocolVersion: '', source: '', evaluationEngineVersion: EVALUATION_ENGINE_VERSION, dvhEngineVersion: null };
  const grade = worstGrade(checkPlanFacts(protocol, schedule, plan, provenance).map((f) => f.grade));
  return grade === 'not_evaluable' ? 'per_protocol' : grade;
}
