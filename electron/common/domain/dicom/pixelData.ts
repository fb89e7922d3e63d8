import { decodeRleFrame } from './decodeRle';
import type { TransferSyntaxInfo } from './transferSyntax';

/** What the image pixel module says about the stored values (PS3.3 C.7.6.3). */
export interface PixelFormat {
  readonly rows: number;
  readonly columns: number;
  readonly frames: number;
  /** 8, 16 or 32 */
  readonly bitsAllocated: number;
  /** 0 unsigned, 1 two's complement */
  readonly pixelRepresentation: number;
  readonly samplesPerPixel: number;
}

/** Native (uncompressed) stored values of every frame, in the file's byte order. */
export interface StoredPixels {
  readonly bytes: Uint8Array;
  readonly littleEndian: boolean;
  readonly format: PixelFormat;
}

export function expectedPixelBytes(format: PixelFormat): number {
  return format.rows * format.columns * format.frames * format.samplesPerPixel * (format.bitsAllocated / 8);
}

/**
 * Turns the PixelData value (dcmjs gives an array of ArrayBuffers: one for native data, one fragment per frame
 * for RLE) into native stored values, checking the length against the dimensions.
 */
export function storedPixelsFromPixelData(
  pixelData: readonly ArrayBuffer[],
  syntax: TransferSyntaxInfo,
  format: PixelFormat,
): StoredPixels {
  if (![8, 16, 32].includes(format.bitsAllocated)) {
    throw new Error(`BitsAllocated ${format.bitsAllocated} is not supported (8, 16 or 32)`);
  }
  const expected = expectedPixelBytes(format);
  if (syntax.encapsulated) {
    if (pixelData.length !== format.frames) {
      throw new Error(`RLE pixel data has ${pixelData.length} fragments for ${format.frames} frames`);
    }
    const bytes = new Uint8Array(expected);
    const frameBytes = expected / format.frames;
    pixelData.forEach((fragment, frame) => {
      const decoded = decodeRleFrame(new Uint8Array(fragment), format.rows, format.columns,
        format.bitsAllocated, format.samplesPerPixel);
      bytes.set(decoded, frame * frameBytes);
    });
    return { bytes, littleEndian: true, format };
  }
  const total = pixelData.reduce((sum, part) => sum + part.byteLength, 0);
  // an odd-length value is padded with one byte, so allow exactly that much slack
  if (total < expected || total > expected + 1) {
    throw new Error(`pixel data has ${total} bytes but ${format.columns}×${format.rows}×${format.frames} values of `
      + `${format.bitsAllocated} bits need ${expected} bytes${total < expected ? ' (file truncated?)' : ''}`);
  }
  let bytes: Uint8Array;
  if (pixelData.length === 1) {
    bytes = new Uint8Array(pixelData[0], 0, expected);
  } else {
    bytes = new Uint8Array(total);
    let offset = 0;
    for (const part of pixelData) {
      bytes.set(new Uint8Array(part), offset);
      offset += part.byteLength;
    }
    bytes = bytes.subarray(0, expected);
  }
  return { bytes, littleEndian: syntax.littleEndian, format };
}

/**
 * Writes slope·stored + intercept for `count` values starting at value index `firstValue` into `out` at
 * `outOffset` (Float32Array for dose, Int16Array for HU — rounded and clamped there).
 */
export function convertStoredValues(
  pixels: StoredPixels,
  firstValue: number,
  count: number,
  slope: number,
  intercept: number,
  out: Float32Array | Int16Array,
  outOffset = 0,
): void {
  const values = typedStoredValues(pixels, firstValue, count);
  if (out instanceof Int16Array) {
    for (let n = 0; n < count; n++) {
      const value = Math.round(values[n] * slope + intercept);
      out[outOffset + n] = value < -32768 ? -32768 : value > 32767 ? 32767 : value;
    }
  } else {
    for (let n = 0; n < count; n++) out[outOffset + n] = values[n] * slope + intercept;
  }
}

type StoredArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/**
 * The stored values as a typed array: a view on the bytes when they are little endian and aligned (the
 * common case, no copy), otherwise a copy read value by value in the file's byte order.
 */
function typedStoredValues(pixels: StoredPixels, firstValue: number, count: number): StoredArray {
  const { bitsAllocated, pixelRepresentation } = pixels.format;
  const signed = pixelRepresentation === 1;
  const step = bitsAllocated / 8;
  const Kind = bitsAllocated === 8 ? (signed ? Int8Array : Uint8Array)
    : bitsAllocated === 16 ? (signed ? Int16Array : Uint16Array)
      : (signed ? Int32Array : Uint32Array);
  const byteStart = pixels.bytes.byteOffset + firstValue * step;
  if (pixels.littleEndian && HOST_LITTLE_ENDIAN && byteStart % step === 0) {
    return new Kind(pixels.bytes.buffer as ArrayBuffer, byteStart, count);
  }
  const view = new DataView(pixels.bytes.buffer, byteStart, count * step);
  const le = pixels.littleEndian;
  const out = new Kind(count);
  for (let n = 0; n < count; n++) {
    const o = n * step;
    out[n] = step === 1 ? (signed ? view.getInt8(o) : view.getUint8(o))
      : step === 2 ? (signed ? view.getInt16(o, le) : view.getUint16(o, le))
        : (signed ? view.getInt32(o, le) : view.getUint32(o, le));
  }
  return out;
}

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
