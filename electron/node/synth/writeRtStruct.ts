import type { RoiInterpretedType, Vec3 } from '../../common/domain/rt';
import { sectionPolygons, sectionsAt, type Shape } from '../../common/domain/synth/shapes';
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
  const roiContours: NaturalDataset[] = rois.map((roi) => {
    const contours: NaturalDataset[] = [];
    geometry.slicePositionsMm.forEach((zMm, index) => {
      for (const section of sectionsAt(roi.shape, zMm)) {
        for (const polygon of sectionPolygons(section, pointStepMm)) {
          const data: string[] = [];
          for (let p = 0; p < polygon.length; p += 2) data.push(ds(polygon[p], 2), ds(polygon[p + 1], 2), ds(zMm, 2));
          contours.push({
            ContourImageSequence: [contourImage(index)],
            ContourGeometricType: 'CLOSED_PLANAR',
            NumberOfContourPoints: polygon.length / 2,
            ContourNumber: contours.length + 1,
            ContourData: data,
          });
        }
      }
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
