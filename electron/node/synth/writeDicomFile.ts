import { writeFileSync } from 'node:fs';
import dcmjs from 'dcmjs';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;

/** Explicit VR little endian: what every reader (and dciodvfy) accepts without a codec. */
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const IMPLEMENTATION_CLASS_UID = '2.25.186519340592394017215630386145233601747';
const IMPLEMENTATION_VERSION_NAME = 'RTQA_SYNTH_1';

/** A dcmjs "naturalized" dataset: keyword → value, sequences as arrays of datasets, `_vrMap` for OW/OB. */
export type NaturalDataset = Record<string, unknown>;

/**
 * Serialises a naturalized dataset to a Part 10 file (preamble, DICM, group 2 meta header, body) with
 * dcmjs's writer. SOPClassUID and SOPInstanceUID of the dataset become the media-storage UIDs.
 */
export function dicomFileBuffer(dataset: NaturalDataset): Buffer {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
    _vrMap: { FileMetaInformationVersion: 'OB' },
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return Buffer.from(dict.write());
}

/**
 * Writes a Part 10 file. Pixel data (an ArrayBuffer view, OW) is appended after the dcmjs-written header
 * as the last element (7FE0,0010): dcmjs's growing write buffer would copy a 512 KB slice several times,
 * which made the writer the bottleneck of a 100-patient trial.
 */
export function writeDicomFile(path: string, dataset: NaturalDataset, pixelData?: Uint16Array): void {
  writeDicomBuffer(path, dicomFileBuffer(dataset), pixelData);
}

/** Writes an already serialised Part 10 header, then the pixel data element (7FE0,0010) OW when given. */
export function writeDicomBuffer(path: string, header: Buffer, pixelData?: Uint16Array): void {
  if (!pixelData) {
    writeFileSync(path, header);
    return;
  }
  const element = Buffer.alloc(12);
  element.writeUInt16LE(0x7fe0, 0);
  element.writeUInt16LE(0x0010, 2);
  element.write('OW', 4, 'latin1');
  element.writeUInt32LE(pixelData.byteLength, 8);
  writeFileSync(path, Buffer.concat([header, element, Buffer.from(pixelData.buffer, pixelData.byteOffset, pixelData.byteLength)]));
}

/** A DS (decimal string) value of at most 16 characters, without exponent notation. */
export function ds(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) throw new Error(`DS value must be finite, got ${value}`);
  if (Math.abs(value) < 1e-6) return '0';
  const factor = 10 ** decimals;
  let text = String(Math.round(value * factor) / factor);
  if (text === '-0') text = '0';
  if (text.length > 16 || text.includes('e')) text = Number(value.toPrecision(10)).toString();
  return text;
}

/** DICOM DA and TM from a Date (UTC). */
export function dicomDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
