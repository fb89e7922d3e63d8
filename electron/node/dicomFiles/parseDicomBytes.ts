import dcmjs from 'dcmjs';
import type { DicomDataset } from '../../common/domain/dicom/datasetValues';
import {
  EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN, UnsupportedTransferSyntaxError, supportedTransferSyntax,
} from '../../common/domain/dicom/transferSyntax';
import { naturalizeDicomDict } from './naturalizeDicomDict';

// dcmjs logs every leniency on the console; its messages are not for physicists, our errors are.
dcmjs.log.setLevel('silent');
dcmjs.log.getLogger('validation.dcmjs').setLevel('silent');

const { DicomMessage, ReadBufferStream } = dcmjs.data;

/** Not a DICOM file at all (no 'DICM' marker and no recognisable data set at the start). */
export class NotDicomError extends Error {
  constructor() {
    super('not a DICOM file (no DICM marker and no recognisable data set)');
    this.name = 'NotDicomError';
  }
}

/** dcmjs could not read the bytes: the file is truncated or corrupt. */
export class DicomParseError extends Error {
  constructor(detail: string) {
    super(`cannot be read as DICOM, file truncated or corrupt (${detail})`);
    this.name = 'DicomParseError';
  }
}

export interface ParsedDicom {
  /** keyword → values (see naturalizeDicomDict); PixelData, when read, is an array of ArrayBuffers */
  readonly dataset: DicomDataset;
  readonly transferSyntaxUid: string;
  /** false for a bare data set without preamble and file meta information */
  readonly hasFileMeta: boolean;
  /** true when reading stopped at `stopAtTag` (the rest of the file was not parsed) */
  readonly stoppedAtTag: boolean;
}

export interface ParseOptions {
  /** stop before this tag, 8 hex digits (e.g. '7FE00010' PixelData) — headers only, fast */
  readonly stopAtTag?: string;
  /** read only tags up to this one (8 hex digits) and stop at the first greater top-level tag */
  readonly stopAfterTag?: string;
}

const VRS = new Set(['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL',
  'OV', 'OW', 'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US', 'UT', 'UV']);

/**
 * Parses DICOM bytes with dcmjs: Part 10 files (preamble, 'DICM', file meta) and bare data sets without
 * them (implicit or explicit VR little endian, as some older RT exports write). Transfer syntaxes other than
 * implicit/explicit little endian, deflated, explicit big endian and RLE Lossless throw
 * UnsupportedTransferSyntaxError with the syntax's name.
 */
export function parseDicomBytes(bytes: Uint8Array, options: ParseOptions = {}): ParsedDicom {
  try {
    return parseWithDcmjs(bytes, options);
  } catch (error) {
    if (error instanceof NotDicomError || error instanceof UnsupportedTransferSyntaxError) throw error;
    if (error instanceof Error && error.message.startsWith('file meta information')) throw error;
    throw new DicomParseError(error instanceof Error ? error.message : String(error));
  }
}

function parseWithDcmjs(bytes: Uint8Array, options: ParseOptions): ParsedDicom {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const readOptions = options.stopAfterTag
    ? { ignoreErrors: false, untilTag: options.stopAfterTag, stopOnGreaterTag: true, includeUntilTagValue: true }
    : { ignoreErrors: false, untilTag: options.stopAtTag ?? null, includeUntilTagValue: false, noCopy: false };
  let meta: Record<string, unknown>;
  let dict: Record<string, unknown>;
  let hasFileMeta = true;
  if (bytes.byteLength >= 132 && String.fromCharCode(bytes[128], bytes[129], bytes[130], bytes[131]) === 'DICM') {
    const metaOnly = DicomMessage.readFile(buffer, { ...readOptions, untilTag: '00080000', stopOnGreaterTag: true });
    checkSyntax(transferSyntaxOf(metaOnly.meta));
    const file = DicomMessage.readFile(buffer, readOptions);
    meta = file.meta;
    dict = file.dict;
  } else {
    const syntax = bareDatasetSyntax(bytes);
    if (syntax === null) throw new NotDicomError();
    hasFileMeta = false;
    const stream = new ReadBufferStream(buffer);
    meta = bytes[0] === 0x02 && bytes[1] === 0x00
      ? DicomMessage._read(stream, EXPLICIT_VR_LITTLE_ENDIAN, { untilTag: '0002FFFF', stopOnGreaterTag: true })
      : {};
    const metaSyntax = meta['00020010'] ? transferSyntaxOf(meta) : syntax;
    checkSyntax(metaSyntax);
    dict = DicomMessage._read(stream, metaSyntax, readOptions);
    meta = { ...meta, '00020010': { vr: 'UI', Value: [metaSyntax] } };
  }
  const stopAtTag = options.stopAtTag?.toUpperCase();
  const stoppedAtTag = stopAtTag !== undefined && stopAtTag in dict;
  if (stopAtTag !== undefined) delete dict[stopAtTag];
  return {
    dataset: naturalizeDicomDict(dict),
    transferSyntaxUid: transferSyntaxOf(meta),
    hasFileMeta,
    stoppedAtTag,
  };
}

function transferSyntaxOf(meta: Record<string, unknown>): string {
  const element = meta['00020010'] as { Value?: unknown[] } | undefined;
  const value = element?.Value?.[0];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error('file meta information has no TransferSyntaxUID (0002,0010)');
  }
  return value.replace(/\0/g, '').trim();
}

function checkSyntax(uid: string): void {
  if (supportedTransferSyntax(uid) === null) throw new UnsupportedTransferSyntaxError(uid);
}

/**
 * A bare data set starts with a little-endian tag of a low group (0002 meta, 0008 identification, …);
 * explicit VR when the next two bytes are a VR name. Returns the syntax to read it with, or null.
 */
function bareDatasetSyntax(bytes: Uint8Array): string | null {
  if (bytes.byteLength < 8) return null;
  const group = bytes[0] | (bytes[1] << 8);
  if (![0x0002, 0x0008, 0x0010, 0x0018, 0x0020].includes(group)) return null;
  const vr = String.fromCharCode(bytes[4], bytes[5]);
  if (group === 0x0002 || VRS.has(vr)) return EXPLICIT_VR_LITTLE_ENDIAN;
  // implicit VR: a 32-bit length that must fit in the file
  const length = bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24);
  return length >= 0 && length <= bytes.byteLength - 8 ? IMPLICIT_VR_LITTLE_ENDIAN : null;
}
