import { join } from 'node:path';
import type { Anatomy } from '../../common/domain/synth/buildAnatomy';
import { fillCtSlice } from '../../common/domain/synth/fillCtSlice';
import type { PlaneLattice } from '../../common/domain/synth/rasterizeSections';
import { uidUnder } from '../../common/domain/synth/makeUidRoot';
import { patientModules, type PatientDicomContext } from './patientModules';
import { ds, writeDicomFile } from './writeDicomFile';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

/** CT geometry: an axial lattice (LPS mm) and the slice planes' z, mm. */
export interface CtGeometry {
  readonly lattice: PlaneLattice;
  readonly slicePositionsMm: readonly number[];
  readonly sliceThicknessMm: number;
}

export interface WrittenCtSeries {
  readonly seriesInstanceUid: string;
  readonly sopInstanceUids: readonly string[];
}

/** Writes one CT Image Storage file per slice (CT.<n>.dcm), HU + 1024 unsigned with RescaleIntercept −1024. */
export function writeCtSeries(dir: string, ctx: PatientDicomContext, anatomy: Anatomy, geometry: CtGeometry, noise: Int16Array): WrittenCtSeries {
  const seriesInstanceUid = uidUnder(ctx.uidRoot, 2);
  const { lattice } = geometry;
  const pixels = new Uint16Array(lattice.columns * lattice.rows);
  const sopInstanceUids: string[] = [];
  geometry.slicePositionsMm.forEach((zMm, index) => {
    fillCtSlice(anatomy, lattice, zMm, noise, index * 7919, pixels);
    const sopInstanceUid = uidUnder(ctx.uidRoot, 2, index + 1);
    sopInstanceUids.push(sopInstanceUid);
    writeDicomFile(join(dir, `CT.${String(index + 1).padStart(3, '0')}.dcm`), {
      ...patientModules(ctx, CT_IMAGE_STORAGE, sopInstanceUid),
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      SeriesDate: ctx.studyDate,
      ContentDate: ctx.studyDate,
      SeriesTime: '090000',
      ContentTime: '090000',
      Modality: 'CT',
      ManufacturerModelName: 'RTQA Synthetic CT',
      SeriesDescription: 'Planning CT (synthetic)',
      BodyPartExamined: 'HEAD',
      SliceThickness: ds(geometry.sliceThicknessMm),
      KVP: '120',
      PatientPosition: 'HFS',
      SeriesInstanceUID: seriesInstanceUid,
      SeriesNumber: '2',
      AcquisitionNumber: '1',
      InstanceNumber: String(index + 1),
      ImagePositionPatient: [ds(lattice.x0Mm), ds(lattice.y0Mm), ds(zMm)],
      ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
      FrameOfReferenceUID: ctx.frameOfReferenceUid,
      PositionReferenceIndicator: '',
      SliceLocation: ds(zMm),
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      Rows: lattice.rows,
      Columns: lattice.columns,
      PixelSpacing: [ds(lattice.dyMm, 6), ds(lattice.dxMm, 6)],
      BitsAllocated: 16,
      BitsStored: 16,
      HighBit: 15,
      PixelRepresentation: 0,
      WindowCenter: '40',
      WindowWidth: '400',
      RescaleIntercept: '-1024',
      RescaleSlope: '1',
      RescaleType: 'HU',
    }, pixels);
  });
  return { seriesInstanceUid, sopInstanceUids };
}
