/**
 * Transfer syntaxes: which ones RTQA Review reads, and a readable name for every common one so that an
 * unsupported file gets a message a physicist can act on ("JPEG 2000 Image Compression").
 */
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';

const NAMES: Record<string, string> = {
  [IMPLICIT_VR_LITTLE_ENDIAN]: 'Implicit VR Little Endian',
  [EXPLICIT_VR_LITTLE_ENDIAN]: 'Explicit VR Little Endian',
  [DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN]: 'Deflated Explicit VR Little Endian',
  [EXPLICIT_VR_BIG_ENDIAN]: 'Explicit VR Big Endian',
  [RLE_LOSSLESS]: 'RLE Lossless',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline (Process 1)',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended (Process 2 & 4)',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless, Non-Hierarchical (Process 14)',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless, First-Order Prediction (Process 14 SV1)',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Image Compression (Lossless Only)',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000 Image Compression',
  '1.2.840.10008.1.2.4.201': 'High-Throughput JPEG 2000 (Lossless Only)',
  '1.2.840.10008.1.2.4.203': 'High-Throughput JPEG 2000',
  '1.2.840.10008.1.2.4.100': 'MPEG2 Main Profile',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264',
  '1.2.840.10008.1.2.8.1': 'Deflated Image Frame Compression',
};

export function transferSyntaxName(uid: string): string {
  return NAMES[uid] ?? 'unknown transfer syntax';
}

/** How the data set and its pixel data are encoded, for a supported transfer syntax. */
export interface TransferSyntaxInfo {
  readonly uid: string;
  readonly littleEndian: boolean;
  /** pixel data in fragments (RLE); false for native pixel data */
  readonly encapsulated: boolean;
}

const SUPPORTED: Record<string, TransferSyntaxInfo> = {
  [IMPLICIT_VR_LITTLE_ENDIAN]: { uid: IMPLICIT_VR_LITTLE_ENDIAN, littleEndian: true, encapsulated: false },
  [EXPLICIT_VR_LITTLE_ENDIAN]: { uid: EXPLICIT_VR_LITTLE_ENDIAN, littleEndian: true, encapsulated: false },
  [DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN]: { uid: DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, littleEndian: true, encapsulated: false },
  [EXPLICIT_VR_BIG_ENDIAN]: { uid: EXPLICIT_VR_BIG_ENDIAN, littleEndian: false, encapsulated: false },
  [RLE_LOSSLESS]: { uid: RLE_LOSSLESS, littleEndian: true, encapsulated: true },
};

export class UnsupportedTransferSyntaxError extends Error {
  constructor(readonly uid: string) {
    super(`transfer syntax ${uid} (${transferSyntaxName(uid)}) is not supported yet`);
    this.name = 'UnsupportedTransferSyntaxError';
  }
}

/** The encoding of a transfer syntax RTQA Review can decode, or null when it cannot. */
export function supportedTransferSyntax(uid: string): TransferSyntaxInfo | null {
  return SUPPORTED[uid] ?? null;
}
