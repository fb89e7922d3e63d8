import { open, readFile } from 'node:fs/promises';
import { stringValue } from '../../common/domain/dicom/datasetValues';
import type { ParsedDicom } from './parseDicomBytes';
import { parseDicomBytes } from './parseDicomBytes';

const PIXEL_DATA_TAG = '7FE00010';
const ROI_CONTOUR_SEQUENCE_TAG = '30060039';
/** CT headers are a few kB; reading this much first avoids touching the 512 kB of pixels. */
const HEAD_BYTES = 32 * 1024;

/**
 * Reads a file's header only: everything before PixelData (and, for an RTSTRUCT, everything before the
 * contour data). Only the first 32 kB are read when the header fits there, which keeps indexing a CT folder
 * fast; otherwise the whole file is read but still parsed only up to that point.
 */
export async function readDicomHeader(path: string): Promise<ParsedDicom> {
  const handle = await open(path, 'r');
  let head = new Uint8Array(HEAD_BYTES + 1);
  try {
    // one byte more than the head: a short read says the whole file is here, without a stat call
    const { bytesRead } = await handle.read(head, 0, head.byteLength, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.byteLength <= HEAD_BYTES) return parseHeader(head);
  let parsed: ParsedDicom | null = null;
  try {
    parsed = parseDicomBytes(head, { stopAtTag: PIXEL_DATA_TAG });
  } catch (error) {
    if (isFormatError(error)) throw error;
    parsed = null; // the header runs past the first chunk: read the whole file below
  }
  if (parsed?.stoppedAtTag) return parsed;
  // a big RTSTRUCT: its contour data (most of the file) is not needed for the index
  const modality = stringValue(parseDicomBytes(head, { stopAfterTag: '00080061' }).dataset, 'Modality');
  const whole = new Uint8Array(await readFile(path));
  return parseDicomBytes(whole, { stopAtTag: modality === 'RTSTRUCT' ? ROI_CONTOUR_SEQUENCE_TAG : PIXEL_DATA_TAG });
}

function parseHeader(bytes: Uint8Array): ParsedDicom {
  return parseDicomBytes(bytes, { stopAtTag: PIXEL_DATA_TAG });
}

/** Reads and parses a whole file, pixel data included. */
export async function readDicomFile(path: string): Promise<ParsedDicom> {
  return parseDicomBytes(new Uint8Array(await readFile(path)));
}

/** Errors that say the file itself is unusable (not DICOM, unsupported syntax): no point reading more. */
function isFormatError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotDicomError' || error.name === 'UnsupportedTransferSyntaxError');
}
