import type { StructureDvh } from '../dvh/dvhTypes';

/** The parts of a StructureDvh the features read (the DVH engine's value object satisfies it). */
export type DvhForFeatures = Pick<StructureDvh, 'volumeCc' | 'meanGy' | 'minGy' | 'maxGy' | 'cumulative' | 'metric'>;

/** One structure of a plan after name harmonisation. */
export interface NamedStructureDvh {
  /** TG-263 name (or target role) from the name mapping; unknown names map to organ index 0 */
  readonly tg263Name: string;
  readonly dvh: DvhForFeatures;
}

/** Patient-level clinical variables; absent ones take the reference category (and are listed as missing). */
export interface ClinicalVariables {
  readonly ageYears?: number | null;
  readonly sex?: 'M' | 'F' | 'O' | null;
  /** EORTC QLQ-H&N35 item 41 category: 1 none, 2 a little, 3 quite a bit or more */
  readonly baselineXerostomiaCategory?: number | null;
  /** baseline dysphagia: 0–1 none/regular diet, 2 soft food (G2), 3 or more liquids/tube (G3+) */
  readonly baselineDysphagiaGrade?: number | null;
  readonly tumourLocation?: 'oral_cavity' | 'pharynx' | 'larynx' | null;
  /** T stage 1–4 */
  readonly tStage?: number | null;
  readonly hpvPositive?: boolean | null;
  /** side of the primary tumour (decides which parotid is ipsilateral) */
  readonly tumourSide?: 'L' | 'R' | null;
}

/** Plan-level facts read from the RT plan. */
export interface PlanFacts {
  readonly prescriptionGy: number | null;
  readonly fractions: number | null;
  readonly radiationType: string | null;
  /** worst grade of the plan-level protocol checks (planCheckGrade); absent = per protocol */
  readonly planCheckGrade?: 'per_protocol' | 'minor' | 'major';
}

/** One organ instance of the tabular bag. */
export interface OrganInstance {
  readonly tg263Name: string;
  readonly organIndex: number;
  /** INSTANCE_FEATURE_NAMES order */
  readonly features: number[];
}

/** The tabular MIL input of one plan. */
export interface TabularBag {
  readonly instances: OrganInstance[];
  /** CLINICAL_FEATURE_NAMES order */
  readonly clinical: number[];
  /** clinical variables that were absent and took the reference value */
  readonly missingClinical: string[];
  readonly warnings: string[];
}

/** The spatial MIL input of one plan: patches on the dose grid. */
export interface PatchBag {
  /** patch count N; data is N × channels × P × P × P, channel-major, then k (slice), j (row), i (column) */
  readonly count: number;
  readonly channels: number;
  readonly patchSizeVoxels: number;
  readonly data: Float32Array;
  /** corner voxel (i, j, k) on the dose grid of each patch; an anchored cube may reach outside the grid (then padded) */
  readonly cornersIjk: Array<[number, number, number]>;
  /** per patch, its index in PATCH_ANCHOR_NAMES (0 = unanchored dose tile) */
  readonly anchorIds: Int32Array;
  /** patch centre in body-box coordinates, each in [0, 1] (left→right, anterior→posterior, inferior→superior) */
  readonly positions: Float32Array;
  readonly warnings: string[];
}
