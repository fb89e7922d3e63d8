import type { Vec3 } from '../rt/geometry';

export type NameMatchStatus = 'matched' | 'needs_confirmation' | 'unmatched';

/** One RTSTRUCT ROI as the name harmonisation sees it. */
export interface NamingStructure {
  /** the name written in the RTSTRUCT */
  readonly name: string;
  /** RTROIInterpretedType (EXTERNAL, PTV, ORGAN …) or null */
  readonly interpretedType: string | null;
  /** volume, cc; null when unknown (no geometric volume check then) */
  readonly volumeCc: number | null;
  /** centroid, patient LPS mm (+x = patient LEFT, +y posterior, +z superior); null when unknown */
  readonly centroidMm: Vec3 | null;
}

export interface NamingContext {
  /** x of the body's midline, LPS mm; when absent, the EXTERNAL ROI's centroid, else the mean x of paired organs */
  readonly bodyMidlineXmm?: number;
  /**
   * confirmed mappings of this centre, written name → TG-263 name (from the database). They take precedence
   * over automatic matching. An empty string means "confirmed: not a protocol structure".
   */
  readonly confirmedMappings?: Readonly<Record<string, string>>;
}

export interface NameMatch {
  /** the name as written */
  readonly written: string;
  /**
   * TG-263 name when matched; the suggested name when needs_confirmation (null if there is no single
   * suggestion); null when unmatched. Targets: dose-coded (PTV_7000, PTVp_7000, cGy) or role (PTV_High).
   */
  readonly tg263: string | null;
  /** name similarity 0..1 (1 = exact alias or confirmed; below 1 = spelling corrected) */
  readonly score: number;
  readonly status: NameMatchStatus;
  /** why, in words: how it matched, and every doubt (laterality, volume, position, duplicates) */
  readonly reasons: readonly string[];
  readonly kind: 'organ' | 'target' | 'other';
  /** dose level of a target read from its name, Gy; null otherwise */
  readonly targetDoseGy: number | null;
  /** the name's side contradicts where the structure lies (centroid vs body midline): a suspected swap */
  readonly lateralityConflict?: boolean;
}
