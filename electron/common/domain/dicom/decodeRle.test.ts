import { describe, expect, it } from 'vitest';
import { decodeRleFrame } from './decodeRle';

/** A frame: 64-byte header (segment count, offsets) followed by the given PackBits segments. */
function rleFrame(segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((segment, s) => {
    view.setUint32(4 + 4 * s, offset, true);
    offset += segment.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

describe('decodeRleFrame (PS3.5 Annex G)', () => {
  it('decodes literal and replicate runs of an 8-bit 2×3 frame', () => {
    // literal run of 2 (n = 1): 7, 9; replicate run of 4 (n = −3 → 0xFD): 5 5 5 5
    const frame = rleFrame([[1, 7, 9, 0xfd, 5]]);
    expect(Array.from(decodeRleFrame(frame, 2, 3, 8))).toEqual([7, 9, 5, 5, 5, 5]);
  });

  it('puts the most significant segment of 16-bit data in the high byte (little-endian output)', () => {
    // pixels 0x0102, 0x0304: high bytes segment [1, 3], low bytes segment [2, 4]; −128 is a no-op
    const frame = rleFrame([[0x80, 1, 1, 3], [1, 2, 4]]);
    const bytes = decodeRleFrame(frame, 1, 2, 16);
    expect(Array.from(new Uint16Array(bytes.buffer))).toEqual([0x0102, 0x0304]);
  });

  it('rejects a frame whose segment count does not match BitsAllocated, and short segments', () => {
    expect(() => decodeRleFrame(rleFrame([[1, 7, 9]]), 1, 2, 16)).toThrow(/1 segments, expected 2/);
    expect(() => decodeRleFrame(rleFrame([[0, 7]]), 1, 2, 8)).toThrow(/decoded to 1 bytes, expected 2/);
  });
});
