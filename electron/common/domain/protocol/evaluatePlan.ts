import { checkPlanFacts } from './checkPlanFacts';
import { evaluateConstraint } from './evaluateConstraint';
import { EVALUATION_ENGINE_VERSION, type EvaluationInput, type Finding, type FindingProvenance, type PlanEvaluation } from './evaluationTypes';
import { makeFinding } from './makeFinding';
import { resolveStructure } from './resolveStructure';
import { selectSchedule } from './selectSchedule';
import { worstGrade } from './worstGrade';

/**
 * Evaluate one plan against one protocol. Pure: the caller supplies the DVHs and harmonised names.
 *
 * Findings, in this order: plan facts (fractions, prescription, radiation type, dose-grid spacing), one per
 * required structure that cannot be found, one per constraint, one per structure name that is unmatched or
 * awaits confirmation. Nothing is skipped silently. The plan's grade is the worst non-advisory finding by
 * GRADE_ORDER (major > minor > not_evaluable > per_protocol).
 */
export function evaluatePlan(input: EvaluationInput): PlanEvaluation {
  const { protocol, plan, structures } = input;
  const provenance: FindingProvenance = {
    protocolId: protocol.id, protocolVersion: protocol.version, source: '',
    evaluationEngineVersion: EVALUATION_ENGINE_VERSION, dvhEngineVersion: null,
  };
  const schedule = selectSchedule(protocol, plan);
  const findings: Finding[] = [...checkPlanFacts(protocol, schedule, plan, provenance)];

  const unmatchedNames = structures.filter((s) => s.status === 'unmatched').map((s) => s.writtenName);
  // ROIs recognised as organs but not identified (e.g. "Parotid" without a side): any may be the missing one.
  const unidentified = structures.filter((s) => s.status === 'needs_confirmation' && s.tg263 === null).map((s) => s.writtenName);
  for (const name of protocol.requiredStructures) {
    const r = resolveStructure(name, schedule, structures);
    if (r.state === 'matched') continue;
    const why = r.state === 'missing'
      ? unidentified.length ? `not identified yet: it may be ${unidentified.join(' or ')} (confirm the mapping)`
        : `no structure of the plan is mapped to it${unmatchedNames.length ? ` (if it is one of ${unmatchedNames.join(', ')}, confirm that mapping)` : ''}`
      : r.state === 'ambiguous' ? `several candidates (${r.candidates.map((c) => c.writtenName).join(', ')})`
        : `candidate ${r.structure.writtenName} needs name confirmation`;
    findings.push(makeFinding({ id: `required:${name}`, kind: 'required_structure', structure: name, metric: 'presence',
      grade: r.state === 'missing' && unidentified.length === 0 ? protocol.missingRequiredStructureGrade : 'not_evaluable',
      writtenName: r.state === 'unconfirmed' ? r.structure.writtenName : null,
      message: `required structure ${name} not available: ${why}` }, { ...provenance, source: 'protocol requiredStructures' }));
  }

  const fractions = plan.fractions ?? schedule.fractions;
  for (const constraint of protocol.constraints) {
    findings.push(evaluateConstraint(constraint, { schedule, structures, fractions, provenance }));
  }

  // Names: unmatched ones are advisory (nothing the protocol uses depends on them, or a required-structure
  // finding already says so); unconfirmed ones count when the protocol uses the suggested name.
  const used = new Set<string>([...protocol.requiredStructures, ...protocol.constraints.flatMap((c) => c.bestOf ?? [c.structure]),
    ...schedule.doseLevels.map((l) => l.target)]);
  for (const s of structures) {
    if (s.status === 'matched') continue;
    if (s.lateralityConflict) {
      // a label that contradicts the anatomy is itself a deviation (wrong side contoured or named), graded minor;
      // the structure's dose limits wait for a person to confirm which side it is
      findings.push(makeFinding({ id: `naming:${s.writtenName}`, kind: 'laterality', structure: s.tg263, writtenName: s.writtenName,
        grade: 'minor', advisory: false,
        message: `"${s.writtenName}" lies on the other side of the patient than its name says: laterality error (minor); confirm which structure it is before its limits are graded` },
      { ...provenance, source: 'structure-name harmonisation (TG-263): side checked against the body midline' }));
      continue;
    }
    const relevant = s.status === 'needs_confirmation' && s.tg263 !== null && (used.has(s.tg263) || /^(PTV|CTV|GTV)/i.test(s.tg263));
    findings.push(makeFinding({ id: `naming:${s.writtenName}`, kind: 'naming', structure: s.tg263, writtenName: s.writtenName,
      grade: 'not_evaluable', advisory: !relevant,
      message: s.status === 'unmatched' ? `structure name "${s.writtenName}" has no TG-263 match: not used by any check (confirm a mapping if it is a protocol structure)`
        : `structure name "${s.writtenName}" → ${s.tg263 ?? '?'} needs confirmation before it is graded` }, { ...provenance, source: 'structure-name harmonisation (TG-263)' }));
  }

  const dvhEngineVersions = [...new Set(structures.map((s) => s.dvh?.engineVersion).filter((v): v is string => !!v))];
  return {
    protocolId: protocol.id, protocolVersion: protocol.version, evaluationEngineVersion: EVALUATION_ENGINE_VERSION,
    dvhEngineVersions, scheduleId: schedule.id,
    grade: worstGrade(findings.filter((f) => !f.advisory).map((f) => f.grade)), findings,
  };
}
