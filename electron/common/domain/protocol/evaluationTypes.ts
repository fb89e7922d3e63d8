import type { StructureDvh } from '../dvh/dvhTypes';
import type { RadiationType } from '../rt/rtTypes';
import type { NameMatchStatus } from '../naming/nameMatchTypes';
import type { Grade, Protocol } from './protocolSchema';

/** Version of the evaluation rules; stored with every finding next to the DVH engine version. */
export const EVALUATION_ENGINE_VERSION = 'rtqa-evaluate/1.0.0';

/** Facts about the plan that the schedule checks need (from Plan and DoseGrid). */
export interface PlanFacts {
  /** highest target prescription, Gy (Plan.prescriptionGy); null when the plan does not say */
  readonly prescriptionGy: number | null;
  /** Plan.fractionsPlanned; null when absent */
  readonly fractions: number | null;
  readonly radiationType: RadiationType;
  /** largest of the dose grid's column, row and slice spacings, mm (see doseGridSpacingMm); null = no dose */
  readonly doseGridSpacingMm: number | null;
}

/** One structure of the plan as the evaluation sees it. */
export interface EvaluationStructure {
  /** the name written in the RTSTRUCT */
  readonly writtenName: string;
  /**
   * harmonised name: a TG-263 organ name (Parotid_L), a target role (PTV_High) or a dose-coded target
   * (PTV_7000, PTVp_7000; dose in cGy per TG-263), null when unmatched
   */
  readonly tg263: string | null;
  /** only `matched` structures are graded; `needs_confirmation` ones are measured but graded not_evaluable */
  readonly status: NameMatchStatus;
  /** null when the DVH could not be computed (empty ROI, no dose) */
  readonly dvh: StructureDvh | null;
  /** the name's side contradicts the structure's position (naming found a suspected left/right swap) */
  readonly lateralityConflict?: boolean;
}

export interface EvaluationInput {
  readonly protocol: Protocol;
  readonly plan: PlanFacts;
  readonly structures: readonly EvaluationStructure[];
}

export type FindingKind =
  | 'constraint' | 'required_structure' | 'naming' | 'laterality' | 'target_mapping'
  | 'fractionation' | 'prescription' | 'radiation_type' | 'dose_grid';

export interface FindingLimits {
  readonly comparator: '<=' | '>=';
  readonly perProtocol: number;
  readonly minor: number | null;
}

export interface FindingProvenance {
  readonly protocolId: string;
  readonly protocolVersion: string;
  /** the constraint's `source` text (or the schedule's description for schedule checks) */
  readonly source: string;
  readonly evaluationEngineVersion: string;
  /** DVH engine that computed the value; null for checks that use no DVH */
  readonly dvhEngineVersion: string | null;
}

export interface Finding {
  /** constraint id, or a synthetic id for other checks: fractionation, prescription, required:<name>, naming:<written> */
  readonly id: string;
  readonly kind: FindingKind;
  /** TG-263 name or target role the check is about (for bestOf constraints: the structure graded); null for plan-level checks */
  readonly structure: string | null;
  /** the plan's written name(s) behind `structure` */
  readonly writtenName: string | null;
  /** metric name (D0.03cc, Dmean, V95%Rx …) or the plan fact checked (fractions, prescriptionGy, doseGridSpacingMm) */
  readonly metric: string | null;
  /** in `unit`; after EQD2 conversion when `eqd2` is set; null when not measured */
  readonly value: number | null;
  /** one standard uncertainty, same unit; 0 for exact plan facts */
  readonly uncertainty: number | null;
  readonly unit: 'Gy' | '%' | 'cc' | '%Rx' | 'fractions' | 'mm' | null;
  readonly limits: FindingLimits | null;
  readonly grade: Grade;
  /** the grade the value would get if its name were confirmed (set when grade is not_evaluable for that reason) */
  readonly provisionalGrade: Grade | null;
  /** signed, in `unit`: see gradeMeasurement; null when not graded on a number */
  readonly marginToNextGrade: number | null;
  /** value within k·uncertainty of a limit (k = BORDERLINE_COVERAGE_K = 2) */
  readonly borderline: boolean;
  /** advisory findings are shown to the reviewer but do not enter the plan grade */
  readonly advisory: boolean;
  /** set when the value is an EQD2 of the physical metric */
  readonly eqd2: { readonly alphaBetaGy: number; readonly fractions: number; readonly physicalValueGy: number } | null;
  /** one sentence a physicist understands */
  readonly message: string;
  readonly provenance: FindingProvenance;
}

export interface PlanEvaluation {
  readonly protocolId: string;
  readonly protocolVersion: string;
  readonly evaluationEngineVersion: string;
  /** DVH engine versions seen among the structures (normally one) */
  readonly dvhEngineVersions: readonly string[];
  /** schedule the plan was checked against (closest match), null when the protocol has none that fits */
  readonly scheduleId: string | null;
  /** worst non-advisory finding: major > minor > not_evaluable > per_protocol */
  readonly grade: Grade;
  readonly findings: readonly Finding[];
}
