import type { PatientPosition, Vec3 } from '../rt';
import type { DicomDataset } from './datasetValues';
import { numberValue, requireNumber, requireNumbers, requireString, stringValue } from './datasetValues';
import type { SliceGeometry } from './buildSliceStackGrid';

/** What one CT image header says: its identity, geometry and the HU rescale. */
export interface CtSliceHeader extends SliceGeometry {
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly patientPosition: PatientPosition;
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  readonly bitsAllocated: number;
  readonly pixelRepresentation: number;
  readonly sliceThicknessMm: number | null;
}

const POSITIONS: readonly PatientPosition[] = ['HFS', 'HFP', 'FFS', 'FFP', 'HFDL', 'HFDR', 'FFDL', 'FFDR'];

export function toPatientPosition(value: string | null): PatientPosition {
  const upper = (value ?? '').toUpperCase();
  return (POSITIONS as readonly string[]).includes(upper) ? (upper as PatientPosition) : 'UNKNOWN';
}

/** Maps a CT image data set (headers only; pixels are read separately). Throws MissingTagError. */
export function mapCtSlice(ds: DicomDataset): CtSliceHeader {
  const ipp = requireNumbers(ds, 'ImagePositionPatient', 3);
  const spacing = requireNumbers(ds, 'PixelSpacing', 2);
  return {
    sopInstanceUid: requireString(ds, 'SOPInstanceUID'),
    seriesInstanceUid: requireString(ds, 'SeriesInstanceUID'),
    studyInstanceUid: requireString(ds, 'StudyInstanceUID'),
    frameOfReferenceUid: requireString(ds, 'FrameOfReferenceUID'),
    patientPosition: toPatientPosition(stringValue(ds, 'PatientPosition')),
    imagePositionMm: [ipp[0], ipp[1], ipp[2]] as Vec3,
    imageOrientation: requireNumbers(ds, 'ImageOrientationPatient', 6).slice(0, 6),
    pixelSpacingMm: [spacing[0], spacing[1]],
    rows: requireNumber(ds, 'Rows'),
    columns: requireNumber(ds, 'Columns'),
    rescaleSlope: numberValue(ds, 'RescaleSlope') ?? 1,
    rescaleIntercept: numberValue(ds, 'RescaleIntercept') ?? 0,
    bitsAllocated: numberValue(ds, 'BitsAllocated') ?? 16,
    pixelRepresentation: numberValue(ds, 'PixelRepresentation') ?? 0,
    sliceThicknessMm: numberValue(ds, 'SliceThickness'),
  };
}
