import type { Protocol } from '../protocol/protocolSchema';
import type { PatientSpec } from './drawCohort';
import type { PlannedGrade } from './gradeBands';
import type { PatientPlan } from './planPatient';

/** One deviation as truth.json states it (structure TG-263, metric as the protocol writes it). */
export interface TruthDeviation {
  readonly structure: string | null;
  readonly metric: string;
  readonly grade: 'minor' | 'major';
  readonly kind: string;
  /** true when the generator planted it; false when the dose simply came out that way */
  readonly planted: boolean;
  readonly constraintId?: string;
  /** the protocol role of a target (PTV_High …) */
  readonly role?: string | null;
  /** value in `unit` and the [low, high] range of `grade` */
  readonly value?: number;
  readonly unit?: string;
  readonly band?: [number | null, number | null];
  readonly expected?: number;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Every deviation the files really contain: dose constraints out of band, and the planted non-dose ones. */
export function truthDeviations(spec: PatientSpec, plan: PatientPlan, protocol: Protocol): TruthDeviation[] {
  const out: TruthDeviation[] = [];
  for (const r of plan.constraintResults) {
    if (r.grade === 'per_protocol') continue;
    const kind = r.role ? (r.metric.startsWith('D95') || r.metric.startsWith('D98') ? 'target_undercoverage' : 'target_overdose') : 'organ_overdose';
    out.push({
      structure: r.structure, metric: r.metric, grade: r.grade, kind, planted: r.intendedGrade !== 'per_protocol', constraintId: r.constraintId,
      role: r.role, value: round(r.value), unit: r.unit, band: [finite(r.band[0]), finite(r.band[1])],
    });
  }
  for (const d of spec.deviations) {
    if (d.kind === 'missing_structure') out.push({ structure: d.structure!, metric: 'presence', grade: 'major', kind: d.kind, planted: true });
    if (d.kind === 'laterality_swap') out.push({ structure: 'Parotid_L', metric: 'laterality', grade: d.grade, kind: d.kind, planted: true });
    if (d.kind === 'wrong_fractionation') {
      out.push({ structure: plan.anatomy.targetLevels[0]?.ptvName ?? null, metric: 'fractions', grade: d.grade, kind: d.kind, planted: true, value: plan.fractions, expected: plan.scheduleFractions });
    }
    if (d.kind === 'dose_grid_too_coarse') {
      const limits = protocol.maxDoseGridSpacingMm;
      out.push({
        structure: null, metric: 'doseGridSpacingMm', grade: d.grade, kind: d.kind, planted: true, value: plan.doseSpacingMm, unit: 'mm',
        band: d.grade === 'minor' ? [limits?.perProtocol ?? null, limits?.minor ?? null] : [limits?.minor ?? null, null],
      });
    }
  }
  return out;
}

export function worstGrade(deviations: readonly { grade: 'minor' | 'major' }[]): PlannedGrade {
  if (deviations.some((d) => d.grade === 'major')) return 'major';
  return deviations.length > 0 ? 'minor' : 'per_protocol';
}
