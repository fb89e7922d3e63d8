import type { DoseGrid } from '../../common/domain/rt';
import { uidUnder } from '../../common/domain/synth/makeUidRoot';
import { patientModules, type PatientDicomContext } from './patientModules';
import { ds, writeDicomFile } from './writeDicomFile';

export const RT_DOSE_STORAGE = '1.2.840.10008.5.1.4.1.1.481.2';

/**
 * Writes the plan's total dose as an RT Dose multi-frame image: 16-bit unsigned values × DoseGridScaling
 * = Gy (Gy(RBE) for protons, DoseType EFFECTIVE), frames at GridFrameOffsetVector from the first plane.
 */
export function writeRtDose(path: string, ctx: PatientDicomContext, dose: DoseGrid, plan: { sopClassUid: string; sopInstanceUid: string }, radiation: 'photon' | 'proton'): string {
  const sopInstanceUid = uidUnder(ctx.uidRoot, 5, 1);
  const g = dose.grid;
  let maxGy = 0;
  for (let p = 0; p < dose.dose.length; p++) if (dose.dose[p] > maxGy) maxGy = dose.dose[p];
  // 16-bit pixels (dciodvfy 1.00~20220618 cannot parse 32-bit OW pixel data): ~1.2 mGy steps at 77 Gy.
  // 3 significant digits keep the DS text short and exactly what the pixels were divided by.
  const scaling = Number((Math.max(maxGy, 1) / 65000).toPrecision(3));
  const pixels = new Uint16Array(dose.dose.length);
  for (let p = 0; p < pixels.length; p++) pixels[p] = Math.min(65535, Math.max(0, Math.round(dose.dose[p] / scaling)));
  writeDicomFile(path, {
    ...patientModules(ctx, RT_DOSE_STORAGE, sopInstanceUid),
    SeriesDate: ctx.studyDate,
    SeriesTime: '120000',
    ContentDate: ctx.studyDate,
    ContentTime: '120000',
    Modality: 'RTDOSE',
    ManufacturerModelName: 'RTQA Synthetic TPS',
    SeriesDescription: 'Plan dose (synthetic)',
    OperatorsName: '',
    SeriesInstanceUID: uidUnder(ctx.uidRoot, 5),
    SeriesNumber: '5',
    InstanceNumber: '1',
    FrameOfReferenceUID: ctx.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    ImagePositionPatient: [ds(g.originMm[0]), ds(g.originMm[1]), ds(g.originMm[2] + g.sliceOffsetsMm[0])],
    ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
    PixelSpacing: [ds(g.rowSpacingMm, 6), ds(g.columnSpacingMm, 6)],
    SliceThickness: ds(g.slices > 1 ? g.sliceOffsetsMm[1] - g.sliceOffsetsMm[0] : 0),
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    NumberOfFrames: String(g.slices),
    // AT value as dcmjs writes it: group << 16 | element of GridFrameOffsetVector (3004,000C)
    FrameIncrementPointer: 0x3004000c,
    Rows: g.rows,
    Columns: g.columns,
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 0,
    DoseUnits: 'GY',
    DoseType: radiation === 'proton' ? 'EFFECTIVE' : 'PHYSICAL',
    DoseComment: radiation === 'proton' ? 'RBE-weighted dose, constant RBE 1.1' : 'Physical dose',
    DoseSummationType: 'PLAN',
    ReferencedRTPlanSequence: [{ ReferencedSOPClassUID: plan.sopClassUid, ReferencedSOPInstanceUID: plan.sopInstanceUid }],
    GridFrameOffsetVector: g.sliceOffsetsMm.map((o) => ds(o - g.sliceOffsetsMm[0], 3)),
    DoseGridScaling: String(scaling),
    TissueHeterogeneityCorrection: ['IMAGE', 'ROI_OVERRIDE'],
  }, pixels);
  return sopInstanceUid;
}
