import type { Finding, FindingProvenance, PlanFacts } from './evaluationTypes';
import { gradeMeasurement } from './gradeMeasurement';
import { makeFinding } from './makeFinding';
import type { Protocol, ProtocolSchedule } from './protocolSchema';

/**
 * Plan-level checks against the chosen schedule: number of fractions, prescription dose, radiation type
 * and dose-grid spacing. Each yields exactly one finding (not_evaluable when the plan does not say).
 */
export function checkPlanFacts(
  protocol: Pick<Protocol, 'radiationTypes' | 'maxDoseGridSpacingMm'>, schedule: ProtocolSchedule, plan: PlanFacts, provenance: FindingProvenance,
): Finding[] {
  const prov = { ...provenance, source: `schedule ${schedule.id}: ${schedule.description}` };
  const findings: Finding[] = [];

  // Two-sided checks (fractions, prescription) carry limits: null (FindingLimits is one-sided); the message
  // states the tolerance and marginToNextGrade is the room left in the finding's unit.
  // Fractions: graded on |Δ fractions| against the schedule's tolerances.
  if (plan.fractions === null) {
    findings.push(makeFinding({ id: 'fractionation', kind: 'fractionation', metric: 'fractions', unit: 'fractions', grade: 'not_evaluable',
      message: `the plan does not state its number of fractions (schedule ${schedule.id}: ${schedule.fractions})` }, prov));
  } else {
    const delta = Math.abs(plan.fractions - schedule.fractions);
    const g = gradeMeasurement(delta, 0, { comparator: '<=', perProtocol: schedule.fractionTolerance.perProtocol, minor: schedule.fractionTolerance.minor });
    findings.push(makeFinding({ id: 'fractionation', kind: 'fractionation', metric: 'fractions', value: plan.fractions, uncertainty: 0, unit: 'fractions',
      grade: g.grade, marginToNextGrade: g.marginToNextGrade,
      message: `${plan.fractions} fractions planned, schedule ${schedule.id} prescribes ${schedule.fractions} (|Δ| = ${delta}; limits are on |Δ fractions|)` }, prov));
  }

  // Prescription: graded on the percent difference from the schedule's highest dose level.
  const scheduledGy = schedule.doseLevels[0].doseGy;
  const tol = schedule.prescriptionTolerancePercent;
  if (plan.prescriptionGy === null) {
    findings.push(makeFinding({ id: 'prescription', kind: 'prescription', metric: 'prescriptionGy', unit: 'Gy', grade: 'not_evaluable',
      message: `the plan does not state a target prescription dose (schedule ${schedule.id}: ${scheduledGy} Gy)` }, prov));
  } else {
    const deltaPercent = 100 * Math.abs(plan.prescriptionGy - scheduledGy) / scheduledGy;
    const g = gradeMeasurement(deltaPercent, 0, { comparator: '<=', perProtocol: tol.perProtocol, minor: tol.minor });
    findings.push(makeFinding({ id: 'prescription', kind: 'prescription', metric: 'prescriptionGy', value: plan.prescriptionGy, uncertainty: 0, unit: 'Gy',
      grade: g.grade, marginToNextGrade: (g.marginToNextGrade / 100) * scheduledGy,
      message: `prescription ${plan.prescriptionGy} Gy vs ${scheduledGy} Gy scheduled (${deltaPercent.toFixed(2)} % off; per protocol ≤ ${tol.perProtocol} %, minor ≤ ${tol.minor} %, either direction)` }, prov));
  }

  if (protocol.radiationTypes) {
    const allowed = protocol.radiationTypes as readonly string[];
    const grade = plan.radiationType === 'UNKNOWN' ? 'not_evaluable' : allowed.includes(plan.radiationType) ? 'per_protocol' : 'major';
    findings.push(makeFinding({ id: 'radiation-type', kind: 'radiation_type', metric: 'radiationType', grade,
      message: `radiation type ${plan.radiationType}; the protocol allows ${allowed.join(', ')}` }, { ...provenance, source: 'protocol radiationTypes' }));
  }

  if (protocol.maxDoseGridSpacingMm) {
    const limits = { comparator: '<=' as const, ...protocol.maxDoseGridSpacingMm };
    const gridProv = { ...provenance, source: 'protocol maxDoseGridSpacingMm' };
    if (plan.doseGridSpacingMm === null) {
      findings.push(makeFinding({ id: 'dose-grid-spacing', kind: 'dose_grid', metric: 'doseGridSpacingMm', unit: 'mm', grade: 'not_evaluable',
        limits, message: 'no dose grid: spacing cannot be checked' }, gridProv));
    } else {
      const g = gradeMeasurement(plan.doseGridSpacingMm, 0, limits);
      findings.push(makeFinding({ id: 'dose-grid-spacing', kind: 'dose_grid', metric: 'doseGridSpacingMm', value: plan.doseGridSpacingMm, uncertainty: 0,
        unit: 'mm', limits, grade: g.grade, marginToNextGrade: g.marginToNextGrade,
        message: `largest dose-grid spacing ${plan.doseGridSpacingMm} mm (per protocol ≤ ${limits.perProtocol} mm, minor ≤ ${limits.minor} mm)` }, gridProv));
    }
  }
  return findings;
}
