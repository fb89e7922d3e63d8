import type { PatientPosition, Vec3, VoxelGrid } from './geometry';

/** A CT series: geometry always, Hounsfield units only when the pixels were read. */
export interface CtSeries {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly patientPosition: PatientPosition;
  readonly grid: VoxelGrid;
  /** SOPInstanceUIDs in slice order (same order as grid.sliceOffsetsMm) */
  readonly sopInstanceUids: readonly string[];
  /** HU, index = i + columns·(j + rows·k); absent when only headers were read */
  readonly hounsfield?: Int16Array;
}

/** One closed planar contour (or a single point for POINT ROIs). */
export interface Contour {
  /** flat x,y,z triples, LPS mm */
  readonly pointsMm: Float64Array;
  readonly geometricType: 'CLOSED_PLANAR' | 'POINT' | 'OPEN_PLANAR' | 'OPEN_NONPLANAR' | 'CLOSEDPLANAR_XOR';
}

export type RoiInterpretedType =
  | 'EXTERNAL' | 'PTV' | 'CTV' | 'GTV' | 'ORGAN' | 'AVOIDANCE' | 'ISOCENTER' | 'MARKER' | 'BOLUS'
  | 'CAVITY' | 'SUPPORT' | 'CONTROL' | 'TREATED_VOLUME' | 'IRRAD_VOLUME' | 'REGISTRATION' | 'DOSE_REGION'
  | 'CONTRAST_AGENT' | 'FIXATION' | 'DOSE_MEASUREMENT' | 'BRACHY_CHANNEL' | 'BRACHY_ACCESSORY'
  | 'BRACHY_SRC_APP' | 'BRACHY_CHNL_SHLD' | 'OTHER';

export interface Roi {
  readonly roiNumber: number;
  /** as written in the RTSTRUCT (not harmonised) */
  readonly name: string;
  readonly colorRgb: Vec3 | null;
  readonly interpretedType: RoiInterpretedType | null;
  readonly contours: readonly Contour[];
  /** true when every contour is a POINT: kept for display, never given a volume */
  readonly isPoint: boolean;
}

export interface StructureSet {
  readonly sopInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly label: string;
  /** CT series the contours were drawn on, when the file says so */
  readonly referencedSeriesUid: string | null;
  readonly rois: readonly Roi[];
}

export type DoseSummationType = 'PLAN' | 'MULTI_PLAN' | 'FRACTION' | 'BEAM' | 'BRACHY' | 'FRACTION_SESSION'
  | 'BEAM_SESSION' | 'BRACHY_SESSION' | 'CONTROL_POINT' | 'RECORD' | string;

export interface DoseGrid {
  readonly sopInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly grid: VoxelGrid;
  /** dose after DoseGridScaling, index = i + columns·(j + rows·k); Gy when units === 'GY' */
  readonly dose: Float32Array;
  readonly units: 'GY' | 'RELATIVE';
  readonly summationType: DoseSummationType;
  readonly referencedPlanUid: string | null;
  readonly referencedFractionGroupNumber: number | null;
  readonly referencedBeamNumbers: readonly number[];
}

export type RadiationType = 'PHOTON' | 'ELECTRON' | 'PROTON' | 'ION' | 'NEUTRON' | 'UNKNOWN';

export interface Beam {
  readonly beamNumber: number;
  readonly name: string;
  readonly radiationType: RadiationType;
  readonly treatmentDeliveryType: string | null;
  readonly gantryAngleDeg: number | null;
  readonly controlPointCount: number;
}

export interface DoseReference {
  readonly number: number;
  readonly description: string;
  readonly type: 'TARGET' | 'ORGAN_AT_RISK' | string;
  /** TargetPrescriptionDose when present, Gy */
  readonly prescriptionGy: number | null;
}

export interface Plan {
  readonly sopInstanceUid: string;
  readonly frameOfReferenceUid: string | null;
  readonly label: string | null;
  readonly name: string | null;
  readonly planDate: string | null;
  /** 'RTPLAN' (photons/electrons) or 'RTIONPLAN' (protons, ions) */
  readonly sopKind: 'RTPLAN' | 'RTIONPLAN';
  /** the highest target prescription found (DoseReferenceSequence), Gy */
  readonly prescriptionGy: number | null;
  readonly doseReferences: readonly DoseReference[];
  /** NumberOfFractionsPlanned of the first fraction group, null when absent (de-identified exports) */
  readonly fractionsPlanned: number | null;
  readonly beams: readonly Beam[];
  /** the plan's dominant radiation type */
  readonly radiationType: RadiationType;
  readonly referencedStructureSetUid: string | null;
  readonly manufacturer: string | null;
  readonly planningSystem: string | null;
}

/** Everything a DVH, an evaluation or a view needs for one plan, linked by UIDs. */
export interface RtPlanBundle {
  readonly patientId: string;
  readonly patientName: string | null;
  readonly studyInstanceUid: string | null;
  readonly plan: Plan | null;
  readonly structureSet: StructureSet | null;
  /** the plan's total dose (per-beam or per-fraction-group files already summed) */
  readonly dose: DoseGrid | null;
  readonly ct: CtSeries | null;
  /** the files this bundle was built from */
  readonly sourceFiles: readonly string[];
  /** how the links were made and anything a reviewer should know (fallbacks, summation) */
  readonly warnings: readonly string[];
}

/** A file that could not be used, with a message a physicist understands. */
export interface FileError {
  readonly file: string;
  readonly message: string;
}
