/**
 * The lean element reader (readDataElements, used for little-endian data sets) against dcmjs on the same
 * files: the mapped RT objects must be identical, for implicit and explicit VR, files with and without meta.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import dcmjs from 'dcmjs';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DicomDataset } from '../../electron/common/domain/dicom/datasetValues';
import { mapCtSlice } from '../../electron/common/domain/dicom/mapCtSlice';
import { mapDoseHeader } from '../../electron/common/domain/dicom/mapDoseHeader';
import { mapPlan } from '../../electron/common/domain/dicom/mapPlan';
import { mapStructureSet } from '../../electron/common/domain/dicom/mapStructureSet';
import { parseDicomBytes } from '../../electron/node/dicomFiles';
import { ctSlice, dose, plan, structureSet, writeDataset } from './helpers/writeRtFixtures';
import { CONFORMANCE_DIR } from './helpers/sharedData';

const { DicomMessage, DicomMetaDictionary, ReadBufferStream } = dcmjs.data;
const IMPLICIT = '1.2.840.10008.1.2';
const CONFORMANCE = CONFORMANCE_DIR;

/** dcmjs's own reading and naturalisation, the reference */
function readWithDcmjs(bytes: Uint8Array): DicomDataset {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const hasPreamble = String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';
  const dict = hasPreamble ? DicomMessage.readFile(buffer).dict : DicomMessage._read(new ReadBufferStream(buffer), IMPLICIT);
  return DicomMetaDictionary.naturalizeDataset(dict);
}

const mappers: Record<string, (ds: DicomDataset) => unknown> = {
  CT: mapCtSlice, RTSTRUCT: mapStructureSet, RTPLAN: mapPlan, RTDOSE: mapDoseHeader,
};

describe('lean element reader agrees with dcmjs', () => {
  const files: { path: string; kind: string }[] = [];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'rtqa-lean-'));
    const ids = { patientId: 'LEAN^1', studyUid: '1.2.826.0.1.2.1', frameUid: '1.2.826.0.1.2.1.9' };
    const square = [0, 0, 1.5, 10.25, 0, 1.5, 10.25, -7.125, 1.5];
    const objects: [string, Record<string, unknown>][] = [
      ['CT', ctSlice(ids, { sopUid: '1.2.826.0.1.2.1.1', seriesUid: '1.2.826.0.1.2.1.2', positionMm: [-250.5, -249.75, 12.5],
        orientation: [1, 0, 0, 0, 1, 0], pixelSpacingMm: [0.976562, 0.976562], rows: 4, columns: 4, stored: new Int16Array(16).fill(-3) })],
      ['RTSTRUCT', structureSet(ids, '1.2.826.0.1.2.1.3', '1.2.826.0.1.2.1.2', [
        { number: 1, name: 'Parotid_L', type: 'ORGAN', contours: [square, square.map((v, i) => (i % 3 === 2 ? 3 : v))] },
        { number: 7, name: 'Iso', type: 'ISOCENTER', contours: [[1, 2, 3]], geometricType: 'POINT' }])],
      ['RTPLAN', plan(ids, { sopUid: '1.2.826.0.1.2.1.4', label: 'VMAT', structureSetUid: '1.2.826.0.1.2.1.3', prescriptionGy: 69.96, fractions: '33' })],
      ['RTDOSE', dose(ids, { sopUid: '1.2.826.0.1.2.1.5', planUid: '1.2.826.0.1.2.1.4', summationType: 'BEAM', beamNumber: 2,
        originMm: [-10, -20, -30], pixelSpacingMm: [2.5, 2.5], rows: 2, columns: 3, gridFrameOffsets: [0, 2.5], doseGy: new Array(12).fill(1) })],
    ];
    for (const [kind, dataset] of objects) {
      for (const syntax of ['1.2.840.10008.1.2.1', IMPLICIT]) {
        const path = join(dir, `${kind}-${syntax}.dcm`);
        writeDataset(path, dataset, syntax);
        files.push({ path, kind });
      }
    }
    if (existsSync(CONFORMANCE)) {
      files.push({ path: join(CONFORMANCE, 'rtstruct.dcm'), kind: 'RTSTRUCT' }, { path: join(CONFORMANCE, 'rtplan.dcm'), kind: 'RTPLAN' },
        { path: join(CONFORMANCE, 'rtdose.dcm'), kind: 'RTDOSE' });
    }
  });

  it('gives the same CT, structure set, plan and dose objects as dcmjs for every file', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const { path, kind } of files) {
      const bytes = new Uint8Array(readFileSync(path));
      const lean = parseDicomBytes(bytes).dataset;
      const reference = readWithDcmjs(bytes);
      expect(mappers[kind](lean), path).toEqual(mappers[kind](reference));
    }
  });

  it('reads the pixel data bytes unchanged', () => {
    for (const { path, kind } of files.filter((f) => f.kind === 'RTDOSE' || f.kind === 'CT')) {
      const bytes = new Uint8Array(readFileSync(path));
      const lean = parseDicomBytes(bytes).dataset.PixelData as ArrayBuffer[];
      const reference = readWithDcmjs(bytes).PixelData as ArrayBuffer[];
      expect(Array.from(new Uint8Array(lean[0])), `${kind} ${path}`).toEqual(Array.from(new Uint8Array(reference[0])));
    }
  });

  it('says where a file is cut short instead of reading past its end', () => {
    const bytes = new Uint8Array(readFileSync(files.find((f) => f.kind === 'RTSTRUCT')!.path));
    expect(() => parseDicomBytes(bytes.subarray(0, bytes.byteLength - 30))).toThrow(/truncated/);
  });
});
