import type { DoseSummationType, FileError, PatientPosition, RadiationType } from '../../common/domain/rt';

/** How one object was tied to another: by the UID reference the file carries, or by a fallback. */
export type LinkMethod = 'reference' | 'frameOfReference' | 'onlyCandidateInStudy';

export interface IndexLink {
  readonly fromKind: 'RTSTRUCT' | 'RTPLAN' | 'RTDOSE';
  readonly fromUid: string;
  readonly toKind: 'CT' | 'RTSTRUCT' | 'RTPLAN';
  readonly toUid: string;
  readonly method: LinkMethod;
}

export interface IndexedCtSeries {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly patientPosition: PatientPosition;
  /** file paths, in slice order along the slice normal when the geometry could be built */
  readonly files: readonly string[];
  readonly sliceCount: number;
  readonly rows: number;
  readonly columns: number;
  /** PixelSpacing [row, column] mm */
  readonly pixelSpacingMm: readonly [number, number];
  /** median distance between adjacent slices, mm (null for one slice) */
  readonly sliceSpacingMm: number | null;
  readonly warnings: readonly string[];
}

export interface IndexedStructureSet {
  readonly sopInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly file: string;
  readonly label: string;
  readonly frameOfReferenceUid: string;
  readonly referencedSeriesUid: string | null;
  readonly roiNames: readonly string[];
  /** linked CT series, null when none found */
  readonly ctSeriesUid: string | null;
  readonly ctLink: LinkMethod | null;
}

export interface IndexedPlan {
  readonly sopInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly file: string;
  readonly sopKind: 'RTPLAN' | 'RTIONPLAN';
  readonly label: string | null;
  readonly name: string | null;
  readonly frameOfReferenceUid: string | null;
  readonly prescriptionGy: number | null;
  readonly fractionsPlanned: number | null;
  readonly radiationType: RadiationType;
  readonly beamCount: number;
  readonly referencedStructureSetUid: string | null;
  readonly structureSetUid: string | null;
  readonly structureSetLink: LinkMethod | null;
  readonly warnings: readonly string[];
}

export interface IndexedDose {
  readonly sopInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly file: string;
  readonly frameOfReferenceUid: string;
  readonly summationType: DoseSummationType;
  readonly units: 'GY' | 'RELATIVE';
  /** columns, rows, frames */
  readonly gridSize: readonly [number, number, number];
  /** column, row spacing and the first frame step, mm */
  readonly spacingMm: readonly [number, number, number | null];
  readonly referencedPlanUid: string | null;
  readonly referencedFractionGroupNumber: number | null;
  readonly referencedBeamNumbers: readonly number[];
  readonly planUid: string | null;
  readonly planLink: LinkMethod | null;
  /** for doses without a plan: the structure set they go with (same frame of reference) */
  readonly structureSetUid: string | null;
}

export interface IndexedStudy {
  readonly studyInstanceUid: string;
  readonly studyDate: string | null;
  readonly description: string | null;
  readonly ctSeries: readonly IndexedCtSeries[];
  readonly structureSets: readonly IndexedStructureSet[];
  readonly plans: readonly IndexedPlan[];
  readonly doses: readonly IndexedDose[];
}

export interface IndexedPatient {
  readonly patientId: string;
  readonly patientName: string | null;
  readonly studies: readonly IndexedStudy[];
}

/** What a folder holds, grouped by patient and study, with every link and how it was made. */
export interface DicomIndex {
  readonly rootPath: string;
  readonly fileCount: number;
  readonly patients: readonly IndexedPatient[];
  readonly links: readonly IndexLink[];
  /** files that could not be used, one line each */
  readonly errors: readonly FileError[];
  /** skipped files (not DICOM, modalities not used) and link fallbacks */
  readonly notes: readonly string[];
}
