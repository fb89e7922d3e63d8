import type { Contour, Roi, RoiInterpretedType, StructureSet, Vec3 } from '../rt';
import type { DicomDataset } from './datasetValues';
import { numberValue, numberValues, requireString, sequenceItems, stringValue } from './datasetValues';

export interface MappedStructureSet {
  readonly structureSet: StructureSet;
  /** problems with parts of the file (dropped contours): each becomes one error line for the file */
  readonly problems: readonly string[];
}

const GEOMETRIC_TYPES = ['CLOSED_PLANAR', 'POINT', 'OPEN_PLANAR', 'OPEN_NONPLANAR', 'CLOSEDPLANAR_XOR'] as const;
const INTERPRETED_TYPES: readonly string[] = [
  'EXTERNAL', 'PTV', 'CTV', 'GTV', 'ORGAN', 'AVOIDANCE', 'ISOCENTER', 'MARKER', 'BOLUS', 'CAVITY', 'SUPPORT',
  'CONTROL', 'TREATED_VOLUME', 'IRRAD_VOLUME', 'REGISTRATION', 'DOSE_REGION', 'CONTRAST_AGENT', 'FIXATION',
  'DOSE_MEASUREMENT', 'BRACHY_CHANNEL', 'BRACHY_ACCESSORY', 'BRACHY_SRC_APP', 'BRACHY_CHNL_SHLD',
];

/**
 * Maps an RTSTRUCT data set to ROIs with their contours (patient LPS mm). Several contours on one plane and
 * holes are kept as separate contours (the DVH engine applies even-odd). POINT ROIs are kept with isPoint.
 * A closed contour with fewer than 3 points is dropped and reported (ROI and plane named); the rest is kept.
 */
export function mapStructureSet(ds: DicomDataset): MappedStructureSet {
  const problems: string[] = [];
  const sopInstanceUid = requireString(ds, 'SOPInstanceUID');
  const referencedFrames = sequenceItems(ds, 'ReferencedFrameOfReferenceSequence');
  const frameOfReferenceUid = stringValue(referencedFrames[0] ?? {}, 'FrameOfReferenceUID')
    ?? stringValue(ds, 'FrameOfReferenceUID');
  if (frameOfReferenceUid === null) {
    throw new Error('required tag FrameOfReferenceUID (3006,0024) is missing in ReferencedFrameOfReferenceSequence');
  }
  const roiInfo = sequenceItems(ds, 'StructureSetROISequence');
  if (roiInfo.length === 0) throw new Error('required tag StructureSetROISequence (3006,0020) is missing or empty');

  const contoursByRoi = new Map<number, DicomDataset>();
  const colourByRoi = new Map<number, Vec3>();
  for (const item of sequenceItems(ds, 'ROIContourSequence')) {
    const roiNumber = numberValue(item, 'ReferencedROINumber');
    if (roiNumber === null) continue;
    contoursByRoi.set(roiNumber, item);
    const colour = numberValues(item, 'ROIDisplayColor');
    if (colour && colour.length >= 3) colourByRoi.set(roiNumber, [colour[0], colour[1], colour[2]]);
  }
  const typeByRoi = new Map<number, RoiInterpretedType | null>();
  for (const item of sequenceItems(ds, 'RTROIObservationsSequence')) {
    const roiNumber = numberValue(item, 'ReferencedROINumber');
    if (roiNumber === null) continue;
    const type = (stringValue(item, 'RTROIInterpretedType') ?? '').toUpperCase();
    typeByRoi.set(roiNumber, type === '' ? null : INTERPRETED_TYPES.includes(type) ? (type as RoiInterpretedType) : 'OTHER');
  }

  const rois: Roi[] = [];
  for (const info of roiInfo) {
    const roiNumber = numberValue(info, 'ROINumber');
    if (roiNumber === null) {
      problems.push('an ROI in StructureSetROISequence has no ROINumber (3006,0022); skipped');
      continue;
    }
    const name = stringValue(info, 'ROIName') ?? `ROI ${roiNumber}`;
    const contours: Contour[] = [];
    for (const item of sequenceItems(contoursByRoi.get(roiNumber) ?? {}, 'ContourSequence')) {
      const contour = mapContour(item, name, roiNumber, problems);
      if (contour) contours.push(contour);
    }
    rois.push({
      roiNumber,
      name,
      colorRgb: colourByRoi.get(roiNumber) ?? null,
      interpretedType: typeByRoi.get(roiNumber) ?? null,
      contours,
      isPoint: contours.length > 0 && contours.every((c) => c.geometricType === 'POINT'),
    });
  }
  const referencedSeriesUid = stringValue(
    sequenceItems(sequenceItems(referencedFrames[0] ?? {}, 'RTReferencedStudySequence')[0] ?? {},
      'RTReferencedSeriesSequence')[0] ?? {}, 'SeriesInstanceUID');
  return {
    structureSet: {
      sopInstanceUid,
      frameOfReferenceUid,
      label: stringValue(ds, 'StructureSetLabel') ?? stringValue(ds, 'StructureSetName') ?? '',
      referencedSeriesUid,
      rois,
    },
    problems,
  };
}

function mapContour(item: DicomDataset, roiName: string, roiNumber: number, problems: string[]): Contour | null {
  const rawType = (stringValue(item, 'ContourGeometricType') ?? 'CLOSED_PLANAR').toUpperCase();
  const geometricType = (GEOMETRIC_TYPES as readonly string[]).includes(rawType)
    ? (rawType as Contour['geometricType']) : 'CLOSED_PLANAR';
  const data = numberValues(item, 'ContourData');
  if (data === null || data.length < 3 || data.length % 3 !== 0) {
    problems.push(`ROI '${roiName}' (${roiNumber}): a contour has no valid ContourData (3006,0050); dropped`);
    return null;
  }
  const pointCount = data.length / 3;
  const needed = geometricType === 'POINT' ? 1 : geometricType === 'CLOSED_PLANAR' || geometricType === 'CLOSEDPLANAR_XOR' ? 3 : 2;
  if (pointCount < needed) {
    problems.push(`ROI '${roiName}' (${roiNumber}): ${geometricType} contour on plane z = ${data[2].toFixed(2)} mm `
      + `has ${pointCount} point${pointCount === 1 ? '' : 's'} (at least ${needed} needed); dropped`);
    return null;
  }
  return { pointsMm: Float64Array.from(data), geometricType };
}
