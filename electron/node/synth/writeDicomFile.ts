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

export function writeDicomFile(path: string, dataset: NaturalDataset): void {
  writeFileSync(path, dicomFileBuffer(dataset));
}

/** A DS (decimal string) value of at most 16 characters, without exponent notation. */
export function ds(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) throw new Error(`DS value must be finite, got ${value}`);
  let text = Number(value.toFixed(decimals)).toString();
  if (text === '-0') text = '0';
  if (text.length > 16) text = Number(value.toPrecision(10)).toString();
  return text;
}

/** DICOM DA and TM from a Date (UTC). */
export function dicomDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
