import type { RoiInterpretedType, Vec3 } from '../../common/domain/rt';
import type { Shape } from '../../common/domain/synth/shapes';
import { shapeToRoi } from '../../common/domain/synth/shapeToRoi';
import { uidUnder } from '../../common/domain/synth/makeUidRoot';
import { CT_IMAGE_STORAGE, type CtGeometry, type WrittenCtSeries } from './writeCtSeries';
import { patientModules, type PatientDicomContext } from './patientModules';
import { ds, writeDicomFile, type NaturalDataset } from './writeDicomFile';

export const RT_STRUCTURE_SET_STORAGE = '1.2.840.10008.5.1.4.1.1.481.3';
const STUDY_COMPONENT_MANAGEMENT = '1.2.840.10008.3.1.2.3.1';

/** A ROI to write: the name as the centre writes it, the analytic shape it is contoured from. */
export interface RoiToWrite {
  readonly roiNumber: number;
  readonly name: string;
  readonly interpretedType: RoiInterpretedType;
  readonly colorRgb: Vec3;
  readonly shape: Shape;
}

/**
 * Writes an RT Structure Set: every ROI contoured as closed planar polygons on each CT slice plane it
 * crosses (points ~`pointStepMm` apart, LPS mm), each contour referencing its CT image.
 * Returns the SOPInstanceUID.
 */
export function writeRtStruct(path: string, ctx: PatientDicomContext, ct: WrittenCtSeries, geometry: CtGeometry, rois: readonly RoiToWrite[], pointStepMm: number): string {
  const sopInstanceUid = uidUnder(ctx.uidRoot, 3, 1);
  const contourImage = (index: number) => ({ ReferencedSOPClassUID: CT_IMAGE_STORAGE, ReferencedSOPInstanceUID: ct.sopInstanceUids[index] });
  const planeIndex = new Map(geometry.slicePositionsMm.map((z, index) => [Math.round(z * 100) / 100, index]));
  const roiContours: NaturalDataset[] = rois.map((roi) => {
    // the same polygons the generator's DVH check saw (shapeToRoi), written as DS text
    const model = shapeToRoi(roi.shape, geometry.slicePositionsMm, pointStepMm, roi);
    const contours: NaturalDataset[] = model.contours.map((contour, n) => {
      const data: string[] = [];
      for (const v of contour.pointsMm) data.push(ds(v, 2));
      return {
        ContourImageSequence: [contourImage(planeIndex.get(contour.pointsMm[2])!)],
        ContourGeometricType: 'CLOSED_PLANAR',
        NumberOfContourPoints: contour.pointsMm.length / 3,
        ContourNumber: n + 1,
        ContourData: data,
      };
    });
    return { ROIDisplayColor: roi.colorRgb.map(String), ContourSequence: contours, ReferencedROINumber: roi.roiNumber };
  });
  writeDicomFile(path, {
    ...patientModules(ctx, RT_STRUCTURE_SET_STORAGE, sopInstanceUid),
    SeriesDate: ctx.studyDate,
    SeriesTime: '100000',
    Modality: 'RTSTRUCT',
    ManufacturerModelName: 'RTQA Synthetic TPS',
    SeriesDescription: 'Structures (synthetic)',
    OperatorsName: '',
    SeriesInstanceUID: uidUnder(ctx.uidRoot, 3),
    SeriesNumber: '3',
    InstanceNumber: '1',
    FrameOfReferenceUID: ctx.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    StructureSetLabel: 'RTQA_SYNTH',
    StructureSetName: 'Structures',
    StructureSetDate: ctx.studyDate,
    StructureSetTime: '100000',
    ReferencedFrameOfReferenceSequence: [{
      FrameOfReferenceUID: ctx.frameOfReferenceUid,
      RTReferencedStudySequence: [{
        ReferencedSOPClassUID: STUDY_COMPONENT_MANAGEMENT,
        ReferencedSOPInstanceUID: ctx.studyInstanceUid,
        RTReferencedSeriesSequence: [{
          SeriesInstanceUID: ct.seriesInstanceUid,
          ContourImageSequence: ct.sopInstanceUids.map((_, index) => contourImage(index)),
        }],
      }],
    }],
    StructureSetROISequence: rois.map((roi) => ({
      ROINumber: roi.roiNumber,
      ReferencedFrameOfReferenceUID: ctx.frameOfReferenceUid,
      ROIName: roi.name,
      ROIGenerationAlgorithm: 'MANUAL',
    })),
    ROIContourSequence: roiContours,
    RTROIObservationsSequence: rois.map((roi) => ({
      ObservationNumber: roi.roiNumber,
      ReferencedROINumber: roi.roiNumber,
      RTROIInterpretedType: roi.interpretedType,
      ROIInterpreter: '',
    })),
    ApprovalStatus: 'APPROVED',
    ReviewDate: ctx.studyDate,
    ReviewTime: '110000',
    ReviewerName: 'Synthetic^Reviewer',
  });
  return sopInstanceUid;
}
