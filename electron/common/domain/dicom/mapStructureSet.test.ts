import { describe, expect, it } from 'vitest';
import { mapStructureSet } from './mapStructureSet';

const square = (half: number, z: number) => [-half, -half, z, half, -half, z, half, half, z, -half, half, z];

const dataset = {
  SOPInstanceUID: '1.2.3.4', StructureSetLabel: 'RS',
  ReferencedFrameOfReferenceSequence: [{ FrameOfReferenceUID: '1.2.3.9' }],
  StructureSetROISequence: [
    { ROINumber: 1, ROIName: 'PTV_Ring' }, { ROINumber: '2', ROIName: 'Iso' }, { ROINumber: 3, ROIName: 'Empty' },
  ],
  ROIContourSequence: [
    { ReferencedROINumber: '1', ROIDisplayColor: ['255', '0', '128'], ContourSequence: [
      // outer and inner contour on one plane (a ring: the inner one is a hole), and a second island
      { ContourNumber: '1', ContourGeometricType: 'CLOSED_PLANAR', ContourData: square(20, 0) },
      { ContourNumber: '2', ContourGeometricType: 'CLOSED_PLANAR', ContourData: square(10, 0) },
      { ContourNumber: '3', ContourGeometricType: 'CLOSED_PLANAR', ContourData: square(2, 0).map((v, i) => (i % 3 === 0 ? v + 40 : v)) },
    ] },
    { ReferencedROINumber: 2, ContourSequence: [{ ContourGeometricType: 'POINT', ContourData: [1, 2, 3] }] },
  ],
  RTROIObservationsSequence: [
    { ReferencedROINumber: 1, RTROIInterpretedType: 'PTV' }, { ReferencedROINumber: 2, RTROIInterpretedType: 'ISOCENTER' },
    { ReferencedROINumber: 3, RTROIInterpretedType: 'SOMETHING_ELSE' },
  ],
};

describe('mapStructureSet', () => {
  it('keeps every contour of a plane (holes and islands) for the even-odd rule, numbers written as strings', () => {
    const { structureSet, problems } = mapStructureSet(dataset);
    expect(problems).toEqual([]);
    const ring = structureSet.rois[0];
    expect(ring.contours).toHaveLength(3);
    expect(ring.colorRgb).toEqual([255, 0, 128]);
    expect(ring.interpretedType).toBe('PTV');
    expect(Array.from(ring.contours[1].pointsMm)).toEqual(square(10, 0));
  });

  it('keeps a POINT ROI without volume, and an ROI without contours; unknown types become OTHER', () => {
    const { structureSet } = mapStructureSet(dataset);
    expect(structureSet.rois.map((r) => [r.roiNumber, r.name, r.isPoint, r.contours.length, r.interpretedType])).toEqual([
      [1, 'PTV_Ring', false, 3, 'PTV'], [2, 'Iso', true, 1, 'ISOCENTER'], [3, 'Empty', false, 0, 'OTHER'],
    ]);
    expect(structureSet.frameOfReferenceUid).toBe('1.2.3.9');
  });

  it('names the missing tag when the frame of reference is absent', () => {
    expect(() => mapStructureSet({ ...dataset, ReferencedFrameOfReferenceSequence: [] })).toThrow(/FrameOfReferenceUID \(3006,0024\)/);
  });
});
