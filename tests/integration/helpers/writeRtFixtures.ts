/**
 * Small synthetic DICOM RT objects written with dcmjs, for reader tests. Geometry is explicit in every
 * argument (patient LPS mm) so a test can derive the expected positions exactly.
 */
import dcmjs from 'dcmjs';
import { writeFileSync } from 'node:fs';

const { datasetToBuffer } = dcmjs.data;
export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const CT_CLASS = '1.2.840.10008.5.1.4.1.1.2';
export const RTSTRUCT_CLASS = '1.2.840.10008.5.1.4.1.1.481.3';
export const RTPLAN_CLASS = '1.2.840.10008.5.1.4.1.1.481.5';
export const RTION_PLAN_CLASS = '1.2.840.10008.5.1.4.1.1.481.8';
export const RTDOSE_CLASS = '1.2.840.10008.5.1.4.1.1.481.2';

type Dataset = Record<string, unknown>;

export interface Ids {
  patientId: string;
  studyUid: string;
  frameUid: string;
}

/** Writes a naturalized data set as a Part 10 file (explicit VR little endian unless told otherwise). */
export function writeDataset(path: string, dataset: Dataset, transferSyntax = EXPLICIT_LE): void {
  const copy: Dataset = { ...dataset, _meta: { TransferSyntaxUID: { Value: [transferSyntax] } } };
  writeFileSync(path, datasetToBuffer(copy));
}

function base(ids: Ids, sopClass: string, sopUid: string, modality: string, seriesUid: string): Dataset {
  return {
    SOPClassUID: sopClass, SOPInstanceUID: sopUid, Modality: modality, PatientID: ids.patientId,
    PatientName: 'Synthetic^Phantom', StudyInstanceUID: ids.studyUid, SeriesInstanceUID: seriesUid,
    FrameOfReferenceUID: ids.frameUid, StudyDate: '20260101', Manufacturer: 'RTQA test',
  };
}

export interface CtSliceSpec {
  sopUid: string;
  seriesUid: string;
  positionMm: [number, number, number];
  orientation: number[];
  /** [row spacing, column spacing] */
  pixelSpacingMm: [number, number];
  rows: number;
  columns: number;
  /** stored values, row by row (length rows·columns) */
  stored: Int16Array;
  rescaleIntercept?: number;
  patientPosition?: string;
}

export function ctSlice(ids: Ids, spec: CtSliceSpec): Dataset {
  return {
    ...base(ids, CT_CLASS, spec.sopUid, 'CT', spec.seriesUid),
    PatientPosition: spec.patientPosition ?? 'HFS',
    ImagePositionPatient: spec.positionMm, ImageOrientationPatient: spec.orientation,
    PixelSpacing: spec.pixelSpacingMm, Rows: spec.rows, Columns: spec.columns, SliceThickness: 2,
    SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2', BitsAllocated: 16, BitsStored: 16, HighBit: 15,
    PixelRepresentation: 1, RescaleSlope: 1, RescaleIntercept: spec.rescaleIntercept ?? -1024,
    PixelData: [spec.stored.buffer.slice(spec.stored.byteOffset, spec.stored.byteOffset + spec.stored.byteLength)],
    _vrMap: { PixelData: 'OW' },
  };
}

export interface RoiSpec {
  number: number;
  name: string;
  type: string;
  /** each contour: flat x,y,z triples */
  contours: number[][];
  geometricType?: string;
}

export function structureSet(ids: Ids, sopUid: string, referencedSeriesUid: string | null, rois: RoiSpec[]): Dataset {
  return {
    ...base(ids, RTSTRUCT_CLASS, sopUid, 'RTSTRUCT', `${sopUid}.1`),
    StructureSetLabel: 'TEST',
    ReferencedFrameOfReferenceSequence: [{
      FrameOfReferenceUID: ids.frameUid,
      RTReferencedStudySequence: referencedSeriesUid ? [{
        ReferencedSOPClassUID: '1.2.840.10008.3.1.2.3.1', ReferencedSOPInstanceUID: ids.studyUid,
        RTReferencedSeriesSequence: [{ SeriesInstanceUID: referencedSeriesUid }],
      }] : [],
    }],
    StructureSetROISequence: rois.map((r) => ({
      ROINumber: r.number, ReferencedFrameOfReferenceUID: ids.frameUid, ROIName: r.name, ROIGenerationAlgorithm: 'MANUAL',
    })),
    ROIContourSequence: rois.map((r) => ({
      ReferencedROINumber: r.number, ROIDisplayColor: [255, 0, 0],
      ContourSequence: r.contours.map((points, n) => ({
        ContourNumber: String(n + 1), ContourGeometricType: r.geometricType ?? 'CLOSED_PLANAR',
        NumberOfContourPoints: points.length / 3, ContourData: points,
      })),
    })),
    RTROIObservationsSequence: rois.map((r) => ({
      ObservationNumber: r.number, ReferencedROINumber: r.number, RTROIInterpretedType: r.type, ROIInterpreter: '',
    })),
  };
}

export interface PlanSpec {
  sopUid: string;
  label: string;
  structureSetUid: string | null;
  prescriptionGy?: number;
  fractions?: number | string;
  beamDosesGy?: number[];
  ion?: boolean;
}

export function plan(ids: Ids, spec: PlanSpec): Dataset {
  const beamCount = spec.beamDosesGy?.length ?? 2;
  const beamKey = spec.ion ? 'IonBeamSequence' : 'BeamSequence';
  const cpKey = spec.ion ? 'IonControlPointSequence' : 'ControlPointSequence';
  return {
    ...base(ids, spec.ion ? RTION_PLAN_CLASS : RTPLAN_CLASS, spec.sopUid, 'RTPLAN', `${spec.sopUid}.1`),
    ManufacturerModelName: 'TestTPS', RTPlanLabel: spec.label, RTPlanName: spec.label, RTPlanDate: '20260102',
    ReferencedStructureSetSequence: spec.structureSetUid
      ? [{ ReferencedSOPClassUID: RTSTRUCT_CLASS, ReferencedSOPInstanceUID: spec.structureSetUid }] : [],
    DoseReferenceSequence: spec.prescriptionGy !== undefined ? [{
      DoseReferenceNumber: 1, DoseReferenceStructureType: 'VOLUME', DoseReferenceDescription: 'PTV',
      DoseReferenceType: 'TARGET', TargetPrescriptionDose: spec.prescriptionGy,
    }] : [],
    FractionGroupSequence: spec.fractions !== undefined ? [{
      FractionGroupNumber: 1, NumberOfFractionsPlanned: spec.fractions, NumberOfBeams: beamCount,
      ReferencedBeamSequence: Array.from({ length: beamCount }, (_, b) => ({
        ReferencedBeamNumber: b + 1, ...(spec.beamDosesGy ? { BeamDose: spec.beamDosesGy[b] } : {}),
      })),
    }] : [],
    [beamKey]: Array.from({ length: beamCount }, (_, b) => ({
      BeamNumber: b + 1, BeamName: `B${b + 1}`, RadiationType: spec.ion ? 'PROTON' : 'PHOTON',
      TreatmentDeliveryType: 'TREATMENT', NumberOfControlPoints: 2,
      [cpKey]: [{ ControlPointIndex: 0, GantryAngle: b * 90 }, { ControlPointIndex: 1 }],
    })),
  };
}

export interface DoseSpec {
  sopUid: string;
  planUid: string | null;
  summationType: string;
  beamNumber?: number;
  originMm: [number, number, number];
  orientation?: number[];
  /** [row spacing, column spacing] */
  pixelSpacingMm: [number, number];
  rows: number;
  columns: number;
  gridFrameOffsets: number[];
  /** dose in Gy per voxel, index i + columns·(j + rows·k) */
  doseGy: Float64Array | number[];
  scaling?: number;
  /** override: frames actually written */
  numberOfFrames?: number;
  pixelBytes?: ArrayBuffer;
}

/** An RTDOSE with 32-bit unsigned stored values = round(dose / scaling). */
export function dose(ids: Ids, spec: DoseSpec): Dataset {
  const scaling = spec.scaling ?? 1e-5;
  const stored = new Uint32Array(spec.doseGy.length);
  for (let n = 0; n < stored.length; n++) stored[n] = Math.round(spec.doseGy[n] / scaling);
  return {
    ...base(ids, RTDOSE_CLASS, spec.sopUid, 'RTDOSE', `${spec.sopUid}.1`),
    ImagePositionPatient: spec.originMm, ImageOrientationPatient: spec.orientation ?? [1, 0, 0, 0, 1, 0],
    PixelSpacing: spec.pixelSpacingMm, Rows: spec.rows, Columns: spec.columns,
    NumberOfFrames: spec.numberOfFrames ?? spec.gridFrameOffsets.length, FrameIncrementPointer: 0x3004000c,
    GridFrameOffsetVector: spec.gridFrameOffsets, SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 32, BitsStored: 32, HighBit: 31, PixelRepresentation: 0, DoseUnits: 'GY', DoseType: 'PHYSICAL',
    DoseSummationType: spec.summationType, DoseGridScaling: scaling,
    ReferencedRTPlanSequence: spec.planUid ? [{
      ReferencedSOPClassUID: RTPLAN_CLASS, ReferencedSOPInstanceUID: spec.planUid,
      ...(spec.beamNumber !== undefined ? { ReferencedFractionGroupSequence: [{
        ReferencedFractionGroupNumber: 1, ReferencedBeamSequence: [{ ReferencedBeamNumber: spec.beamNumber }],
      }] } : {}),
    }] : [],
    PixelData: [spec.pixelBytes ?? stored.buffer],
    _vrMap: { PixelData: 'OW' },
  };
}
