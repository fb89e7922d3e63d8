import dcmjs from 'dcmjs';
import type { DicomDataset } from '../../common/domain/dicom/datasetValues';
import type { ElementDict } from '../../common/domain/dicom/readDataElements';
import { readDataElements, TruncatedDataError } from '../../common/domain/dicom/readDataElements';
import {
  EXPLICIT_VR_BIG_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN, UnsupportedTransferSyntaxError,
  supportedTransferSyntax,
} from '../../common/domain/dicom/transferSyntax';
import { naturalizeDicomDict } from './naturalizeDicomDict';
import { vrOfTag } from './vrOfTag';

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

/** The bytes could not be read as DICOM: the file is truncated or corrupt. */
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
  /** true when reading stopped at `stopAtTag` / after `stopAfterTag` (the rest of the file was not parsed) */
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
 * Parses DICOM bytes: Part 10 files (preamble, 'DICM', file meta) and bare data sets without them (implicit or
 * explicit VR little endian, as some older RT exports write). Little-endian data sets are read by the lean
 * element reader (readDataElements); big endian, deflated and encapsulated (RLE) pixel data by dcmjs.
 * Transfer syntaxes other than those throw UnsupportedTransferSyntaxError with the syntax's name.
 */
export function parseDicomBytes(bytes: Uint8Array, options: ParseOptions = {}): ParsedDicom {
  let start: number;
  let syntax: string;
  let hasFileMeta = true;
  try {
    ({ start, syntax, hasFileMeta } = locateDataset(bytes));
  } catch (error) {
    if (error instanceof NotDicomError || error instanceof UnsupportedTransferSyntaxError) throw error;
    throw new DicomParseError(error instanceof Error ? error.message : String(error));
  }
  const stopAtTag = options.stopAtTag?.toUpperCase();
  const stopAfterTag = options.stopAfterTag?.toUpperCase();
  let leanError: unknown = null;
  if (syntax === IMPLICIT_VR_LITTLE_ENDIAN || syntax === EXPLICIT_VR_LITTLE_ENDIAN) {
    try {
      const { dict, stopped } = readDataElements(bytes, start, {
        explicitVr: syntax === EXPLICIT_VR_LITTLE_ENDIAN, vrOfTag, stopAtTag, stopAfterTag,
      });
      return { dataset: naturalizeDicomDict(dict), transferSyntaxUid: syntax, hasFileMeta, stoppedAtTag: stopped };
    } catch (error) {
      // a cut-short file stays an error (dcmjs would read what is there and say nothing);
      // encapsulated pixel data or a quirk: dcmjs below gets a try
      if (error instanceof TruncatedDataError) throw new DicomParseError(error.message);
      leanError = error;
    }
  }
  try {
    const dict = readWithDcmjs(bytes, start, syntax, hasFileMeta, stopAtTag ?? null, stopAfterTag ?? null);
    const stoppedAtTag = stopAtTag !== undefined && stopAtTag in dict;
    if (stopAtTag !== undefined) delete dict[stopAtTag];
    return { dataset: naturalizeDicomDict(dict), transferSyntaxUid: syntax, hasFileMeta, stoppedAtTag };
  } catch (error) {
    const detail = leanError instanceof Error ? leanError.message : error instanceof Error ? error.message : String(error);
    throw new DicomParseError(detail);
  }
}

/** Where the data set starts and its transfer syntax, from the file meta (or a guess for a bare data set). */
function locateDataset(bytes: Uint8Array): { start: number; syntax: string; hasFileMeta: boolean } {
  const hasPreamble = bytes.byteLength >= 132
    && String.fromCharCode(bytes[128], bytes[129], bytes[130], bytes[131]) === 'DICM';
  const metaStart = hasPreamble ? 132 : bytes[0] === 0x02 && bytes[1] === 0x00 ? 0 : -1;
  if (metaStart < 0) {
    const syntax = bareDatasetSyntax(bytes);
    if (syntax === null) throw new NotDicomError();
    return { start: 0, syntax, hasFileMeta: false };
  }
  // file meta information is always explicit VR little endian (PS3.10 §7.1)
  const meta = readDataElements(bytes, metaStart, { explicitVr: true, vrOfTag, stopAfterTag: '0002FFFF' });
  const syntax = transferSyntaxOf(meta.dict);
  if (supportedTransferSyntax(syntax) === null) throw new UnsupportedTransferSyntaxError(syntax);
  return { start: meta.offset, syntax, hasFileMeta: hasPreamble };
}

function readWithDcmjs(bytes: Uint8Array, start: number, syntax: string, hasFileMeta: boolean,
  stopAtTag: string | null, stopAfterTag: string | null): Record<string, unknown> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const readOptions = stopAfterTag
    ? { ignoreErrors: false, untilTag: stopAfterTag, stopOnGreaterTag: true, includeUntilTagValue: true }
    : { ignoreErrors: false, untilTag: stopAtTag, includeUntilTagValue: false, noCopy: false };
  if (hasFileMeta) return DicomMessage.readFile(buffer, readOptions).dict;
  const stream = new ReadBufferStream(buffer.slice(start));
  return DicomMessage._read(stream, syntax === EXPLICIT_VR_BIG_ENDIAN ? syntax : syntax, readOptions);
}

function transferSyntaxOf(meta: ElementDict): string {
  const value = meta['00020010']?.Value?.[0];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error('file meta information has no TransferSyntaxUID (0002,0010)');
  }
  return value.replace(/\0/g, '').trim();
}

/**
 * A bare data set starts with a little-endian tag of a low group (0008 identification, …); explicit VR
 * when the next two bytes are a VR name. Returns the syntax to read it with, or null.
 */
function bareDatasetSyntax(bytes: Uint8Array): string | null {
  if (bytes.byteLength < 8) return null;
  const group = bytes[0] | (bytes[1] << 8);
  if (![0x0008, 0x0010, 0x0018, 0x0020].includes(group)) return null;
  const vr = String.fromCharCode(bytes[4], bytes[5]);
  if (VRS.has(vr)) return EXPLICIT_VR_LITTLE_ENDIAN;
  // implicit VR: a 32-bit length that must fit in the file
  const length = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
  return length <= bytes.byteLength - 8 ? IMPLICIT_VR_LITTLE_ENDIAN : null;
}
