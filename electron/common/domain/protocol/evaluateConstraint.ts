import type { DvhMetricValue } from '../dvh/dvhTypes';
import { eqd2Gy, eqd2Sensitivity } from './eqd2';
import type { EvaluationStructure, Finding, FindingProvenance } from './evaluationTypes';
import { gradeMeasurement } from './gradeMeasurement';
import { makeFinding } from './makeFinding';
import type { ProtocolConstraint, ProtocolSchedule } from './protocolSchema';
import { resolveStructure, type Resolution } from './resolveStructure';

export interface ConstraintContext {
  readonly schedule: ProtocolSchedule;
  readonly structures: readonly EvaluationStructure[];
  /** plan fractions, or the schedule's when the plan does not say (used for EQD2) */
  readonly fractions: number;
  readonly provenance: FindingProvenance;
}

type Measured = { readonly structure: EvaluationStructure; readonly value: number; readonly uncertainty: number; readonly physicalGy: number | null };

/**
 * Measure one constraint's metric on one plan structure, in the constraint's unit.
 * Dose metrics come from the DVH in Gy; `%Rx` divides by the dose of the constraint's level (its target
 * role's level, else the schedule's highest level); EQD2 (alphaBetaGy) converts the Gy value and scales
 * its uncertainty by dEQD2/dD. Volume metrics ask the DVH for cc or % as the unit says.
 */
export function measureConstraint(
  constraint: ProtocolConstraint, structure: EvaluationStructure, referenceDoseGy: number, fractions: number,
): { ok: true; measured: Measured } | { ok: false; reason: string } {
  if (!structure.dvh) return { ok: false, reason: `no DVH for ${structure.writtenName}` };
  const isDose = constraint.metric.startsWith('D');
  const volumeUnit = constraint.unit === 'cc' ? 'cc' : '%';
  const raw: DvhMetricValue | null = structure.dvh.metric(constraint.metric, { prescriptionGy: referenceDoseGy, volumeUnit });
  if (!raw) return { ok: false, reason: `${constraint.metric} cannot be computed for ${structure.writtenName} (volume ${structure.dvh.volumeCc.toFixed(3)} cc)` };
  const expectedUnit = isDose ? 'Gy' : volumeUnit;
  if (raw.unit !== expectedUnit) return { ok: false, reason: `DVH returned ${constraint.metric} in ${raw.unit}, expected ${expectedUnit}` };
  if (constraint.unit === '%Rx') {
    return { ok: true, measured: { structure, value: 100 * raw.value / referenceDoseGy, uncertainty: 100 * raw.uncertainty / referenceDoseGy, physicalGy: null } };
  }
  if (constraint.alphaBetaGy !== undefined) {
    const ab = constraint.alphaBetaGy;
    return { ok: true, measured: { structure, value: eqd2Gy(raw.value, fractions, ab), uncertainty: raw.uncertainty * eqd2Sensitivity(raw.value, fractions, ab), physicalGy: raw.value } };
  }
  return { ok: true, measured: { structure, value: raw.value, uncertainty: raw.uncertainty, physicalGy: null } };
}

function describe(resolution: Resolution, name: string): string {
  if (resolution.state === 'missing') return `no structure mapped to ${name}`;
  if (resolution.state === 'ambiguous') return `several structures could be ${name} (${resolution.candidates.map((c) => c.writtenName).join(', ')}): confirm one`;
  return '';
}

/** Evaluate one protocol constraint into exactly one finding. Never throws for plan content. */
export function evaluateConstraint(constraint: ProtocolConstraint, ctx: ConstraintContext): Finding {
  const { schedule } = ctx;
  const level = schedule.doseLevels.find((l) => l.target === constraint.structure);
  const referenceDoseGy = (level ?? schedule.doseLevels[0]).doseGy;
  const limits = { comparator: constraint.comparator, perProtocol: constraint.perProtocol, minor: constraint.minor ?? null };
  const provenance = { ...ctx.provenance, source: constraint.source };
  const base = { id: constraint.id, kind: 'constraint' as const, structure: constraint.structure, metric: constraint.metric, unit: constraint.unit, limits, advisory: constraint.advisory };
  const notEvaluable = (message: string, extra: Partial<Finding> = {}) =>
    makeFinding({ ...base, grade: 'not_evaluable', message, ...extra }, provenance);

  const names = constraint.bestOf ?? [constraint.structure];
  const measured: Measured[] = [];
  const unconfirmed: string[] = [];
  const notes: string[] = [];
  for (const name of names) {
    const resolution = resolveStructure(name, schedule, ctx.structures);
    if (resolution.state === 'missing' || resolution.state === 'ambiguous') return notEvaluable(describe(resolution, name));
    if (resolution.state === 'unconfirmed') unconfirmed.push(`${resolution.structure.writtenName} → ${name}`);
    if (resolution.state === 'matched' && resolution.note) notes.push(resolution.note);
    const m = measureConstraint(constraint, resolution.structure, referenceDoseGy, ctx.fractions);
    if (!m.ok) return notEvaluable(m.reason, { writtenName: resolution.structure.writtenName });
    measured.push(m.measured);
  }
  // bestOf: the most favourable value is the one graded (e.g. the spared, contralateral parotid).
  const chosen = measured.reduce((best, m) => (constraint.comparator === '<=' ? m.value < best.value : m.value > best.value) ? m : best);
  const g = gradeMeasurement(chosen.value, chosen.uncertainty, { comparator: constraint.comparator, perProtocol: constraint.perProtocol, minor: constraint.minor });
  const dvhVersion = chosen.structure.dvh?.engineVersion ?? null;
  const structure = constraint.bestOf ? chosen.structure.tg263 : constraint.structure;
  const valueText = `${constraint.metric} = ${chosen.value.toFixed(2)} ± ${chosen.uncertainty.toFixed(2)} ${constraint.unit}${constraint.alphaBetaGy !== undefined ? ` (EQD2, α/β ${constraint.alphaBetaGy} Gy, ${ctx.fractions} fx)` : ''}`;
  const limitText = `per protocol ${constraint.comparator} ${constraint.perProtocol}${constraint.minor !== undefined ? `, minor ${constraint.comparator} ${constraint.minor}` : ''} ${constraint.unit}`;
  const chosenText = constraint.bestOf ? ` (most favourable of ${constraint.bestOf.join(', ')}: ${chosen.structure.tg263})` : '';
  const common: Partial<Finding> = {
    structure, writtenName: chosen.structure.writtenName, value: chosen.value, uncertainty: chosen.uncertainty,
    marginToNextGrade: g.marginToNextGrade, borderline: g.borderline,
    eqd2: chosen.physicalGy === null ? null : { alphaBetaGy: constraint.alphaBetaGy as number, fractions: ctx.fractions, physicalValueGy: chosen.physicalGy },
    provenance: { ...provenance, dvhEngineVersion: dvhVersion },
  };
  if (unconfirmed.length > 0) {
    return notEvaluable(`${valueText}${chosenText} would be ${g.grade} (${limitText}), but the name mapping ${unconfirmed.join(', ')} needs confirmation`,
      { ...common, provisionalGrade: g.grade });
  }
  const message = `${valueText}${chosenText}: ${g.grade}${g.borderline ? ' (borderline: within 2 uncertainties of a limit)' : ''}; ${limitText}${notes.length ? `; ${notes.join('; ')}` : ''}`;
  return makeFinding({ ...base, ...common, grade: g.grade, message }, provenance);
}
