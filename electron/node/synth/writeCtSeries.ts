import { join } from 'node:path';
import type { Anatomy } from '../../common/domain/synth/buildAnatomy';
import { fillCtSlice } from '../../common/domain/synth/fillCtSlice';
import type { PlaneLattice } from '../../common/domain/synth/rasterizeSections';
import { uidUnder } from '../../common/domain/synth/makeUidRoot';
import { patientModules, type PatientDicomContext } from './patientModules';
import { dicomFileBuffer, ds, writeDicomBuffer } from './writeDicomFile';

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

const Z_PLACEHOLDER = '-8888.888';
const INSTANCE_PLACEHOLDER = '77777771';

/**
 * Writes one CT Image Storage file per slice (CT.<n>.dcm), HU + 1024 unsigned with RescaleIntercept −1024.
 * dcmjs writes the header once per series with placeholders; each slice copies it and fills its own
 * fixed-width fields (SOP Instance UID with a 5-digit last component, InstanceNumber and the z of
 * ImagePositionPatient/SliceLocation right-aligned with spaces, which IS and DS allow). Writing 160 headers
 * through dcmjs cost more than filling the pixels.
 */
export function writeCtSeries(dir: string, ctx: PatientDicomContext, anatomy: Anatomy, geometry: CtGeometry, noise: Int16Array): WrittenCtSeries {
  const seriesInstanceUid = uidUnder(ctx.uidRoot, 2);
  const { lattice } = geometry;
  const pixels = new Uint16Array(lattice.columns * lattice.rows);
  const sliceUid = (index: number) => uidUnder(ctx.uidRoot, 2, 10001 + index);
  const templateUid = sliceUid(0);
  const header = dicomFileBuffer({
    ...patientModules(ctx, CT_IMAGE_STORAGE, templateUid),
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
    InstanceNumber: INSTANCE_PLACEHOLDER,
    ImagePositionPatient: [ds(lattice.x0Mm), ds(lattice.y0Mm), Z_PLACEHOLDER],
    ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
    FrameOfReferenceUID: ctx.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    SliceLocation: Z_PLACEHOLDER,
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
  });
  const offsetsOf = (text: string) => {
    const found: number[] = [];
    for (let at = header.indexOf(text, 0, 'latin1'); at >= 0; at = header.indexOf(text, at + 1, 'latin1')) found.push(at);
    if (found.length === 0) throw new Error(`CT header template: placeholder ${text} not found`);
    return found;
  };
  const uidOffsets = offsetsOf(templateUid), zOffsets = offsetsOf(Z_PLACEHOLDER), instanceOffsets = offsetsOf(INSTANCE_PLACEHOLDER);
  const sopInstanceUids: string[] = [];
  geometry.slicePositionsMm.forEach((zMm, index) => {
    fillCtSlice(anatomy, lattice, zMm, noise, index * 7919, pixels);
    const sopInstanceUid = sliceUid(index);
    sopInstanceUids.push(sopInstanceUid);
    const z = ds(zMm, 3);
    if (z.length > Z_PLACEHOLDER.length) throw new Error(`slice position ${z} does not fit the CT header template`);
    const slice = Buffer.from(header);
    for (const at of uidOffsets) slice.write(sopInstanceUid, at, 'latin1');
    for (const at of zOffsets) slice.write(z.padStart(Z_PLACEHOLDER.length, ' '), at, 'latin1');
    for (const at of instanceOffsets) slice.write(String(index + 1).padStart(INSTANCE_PLACEHOLDER.length, ' '), at, 'latin1');
    writeDicomBuffer(join(dir, `CT.${String(index + 1).padStart(3, '0')}.dcm`), slice, pixels);
  });
  return { seriesInstanceUid, sopInstanceUids };
}
