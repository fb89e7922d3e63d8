import type { DoseSummationType, Vec3, VoxelGrid } from '../rt';
import type { DicomDataset } from './datasetValues';
import { numberValue, numberValues, requireNumber, requireNumbers, requireString, sequenceItems, stringValue } from './datasetValues';
import type { PixelFormat } from './pixelData';
import { dot, orientationVectors } from './vectorMath';

/** Everything about an RTDOSE except its voxels. */
export interface DoseHeader {
  readonly sopInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly grid: VoxelGrid;
  readonly format: PixelFormat;
  /** DoseGridScaling: Gy (or relative) per stored unit */
  readonly doseGridScaling: number;
  readonly units: 'GY' | 'RELATIVE';
  readonly summationType: DoseSummationType;
  readonly referencedPlanUid: string | null;
  readonly referencedFractionGroupNumber: number | null;
  readonly referencedBeamNumbers: readonly number[];
  readonly warnings: readonly string[];
}

/**
 * Maps an RTDOSE header to its grid (patient LPS mm). GridFrameOffsetVector comes in two forms (PS3.3
 * C.8.8.3.2): relative (first element 0, offsets from ImagePositionPatient along the frame normal) and
 * absolute (first element equal to ImagePositionPatient z, each element a z coordinate). Absolute values are
 * converted to offsets along the normal: offset = (z − z₀) / normal·ẑ.
 */
export function mapDoseHeader(ds: DicomDataset): DoseHeader {
  const warnings: string[] = [];
  const sopInstanceUid = requireString(ds, 'SOPInstanceUID');
  const frameOfReferenceUid = requireString(ds, 'FrameOfReferenceUID');
  const ipp = requireNumbers(ds, 'ImagePositionPatient', 3);
  const iop = requireNumbers(ds, 'ImageOrientationPatient', 6);
  const spacing = requireNumbers(ds, 'PixelSpacing', 2);
  const rows = requireNumber(ds, 'Rows');
  const columns = requireNumber(ds, 'Columns');
  const frames = numberValue(ds, 'NumberOfFrames') ?? 1;
  if (frames < 1 || rows < 1 || columns < 1) {
    throw new Error(`dose grid has no frames (NumberOfFrames ${frames}, Rows ${rows}, Columns ${columns})`);
  }
  const { row, column, normal } = orientationVectors(iop);
  const gfov = numberValues(ds, 'GridFrameOffsetVector');
  let offsets: number[];
  if (gfov === null) {
    if (frames > 1) throw new Error('required tag GridFrameOffsetVector (3004,000C) is missing for a multi-frame dose');
    offsets = [0];
  } else {
    if (gfov.length < frames) {
      throw new Error(`GridFrameOffsetVector (3004,000C) has ${gfov.length} values for ${frames} frames`);
    }
    offsets = gfov.slice(0, frames);
    if (offsets[0] !== 0) offsets = absoluteToRelative(offsets, ipp, normal, warnings);
  }
  const scaling = numberValue(ds, 'DoseGridScaling');
  if (scaling === null) warnings.push('DoseGridScaling (3004,000E) missing: stored values taken as dose');
  const unitsRaw = (stringValue(ds, 'DoseUnits') ?? '').toUpperCase();
  if (unitsRaw !== 'GY' && unitsRaw !== 'RELATIVE') {
    warnings.push(`DoseUnits (3004,0002) is '${unitsRaw || 'missing'}': taken as GY`);
  }
  const planRef = sequenceItems(ds, 'ReferencedRTPlanSequence')[0] ?? null;
  const fractionGroupRef = planRef ? sequenceItems(planRef, 'ReferencedFractionGroupSequence')[0] ?? null : null;
  const beamNumbers = fractionGroupRef
    ? sequenceItems(fractionGroupRef, 'ReferencedBeamSequence')
      .map((b) => numberValue(b, 'ReferencedBeamNumber')).filter((n): n is number => n !== null)
    : [];
  return {
    sopInstanceUid,
    frameOfReferenceUid,
    grid: {
      columns, rows, slices: frames,
      originMm: [ipp[0], ipp[1], ipp[2]] as Vec3,
      rowDirection: row, columnDirection: column, sliceDirection: normal,
      columnSpacingMm: spacing[1], rowSpacingMm: spacing[0],
      sliceOffsetsMm: offsets,
    },
    format: {
      rows, columns, frames,
      bitsAllocated: numberValue(ds, 'BitsAllocated') ?? 16,
      pixelRepresentation: numberValue(ds, 'PixelRepresentation') ?? 0,
      samplesPerPixel: numberValue(ds, 'SamplesPerPixel') ?? 1,
    },
    doseGridScaling: scaling ?? 1,
    units: unitsRaw === 'RELATIVE' ? 'RELATIVE' : 'GY',
    summationType: (stringValue(ds, 'DoseSummationType') ?? 'PLAN').toUpperCase(),
    referencedPlanUid: planRef ? stringValue(planRef, 'ReferencedSOPInstanceUID') : null,
    referencedFractionGroupNumber: fractionGroupRef ? numberValue(fractionGroupRef, 'ReferencedFractionGroupNumber') : null,
    referencedBeamNumbers: beamNumbers,
    warnings,
  };
}

function absoluteToRelative(values: number[], ipp: number[], normal: Vec3, warnings: string[]): number[] {
  const normalZ = dot(normal, [0, 0, 1]);
  if (Math.abs(values[0] - ipp[2]) > 0.01) {
    warnings.push(`GridFrameOffsetVector starts at ${values[0]} mm, neither 0 (relative) nor ImagePositionPatient z `
      + `${ipp[2]} mm (absolute): taken as offsets from its first element`);
    return values.map((v) => v - values[0]);
  }
  if (Math.abs(normalZ) < 0.5) {
    warnings.push('absolute GridFrameOffsetVector on a grid whose frames are not axial: taken along the frame normal');
    return values.map((v) => v - values[0]);
  }
  // + 0 turns the −0 of the first frame on a feet-first grid into 0
  return values.map((v) => (v - values[0]) / normalZ + 0);
}
