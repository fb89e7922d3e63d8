/**
 * DICOM RLE Lossless (PS3.5 Annex G) decoder for one frame. Pure: bytes in, bytes out.
 *
 * A frame is a 64-byte header (segment count + 15 segment offsets, uint32 little endian) followed by
 * PackBits-compressed segments. Each segment holds one byte plane of one sample: for 16-bit data the
 * most significant bytes of every pixel come first, then the least significant ones. The output is the
 * native little-endian, sample-interleaved layout that uncompressed pixel data would have.
 */
export function decodeRleFrame(
  fragment: Uint8Array,
  rows: number,
  columns: number,
  bitsAllocated: number,
  samplesPerPixel = 1,
): Uint8Array {
  const pixelCount = rows * columns;
  const bytesPerSample = bitsAllocated / 8;
  if (!Number.isInteger(bytesPerSample) || bytesPerSample < 1) {
    throw new Error(`RLE: BitsAllocated ${bitsAllocated} is not a whole number of bytes`);
  }
  if (fragment.byteLength < 64) throw new Error('RLE: frame shorter than its 64-byte header');
  const header = new DataView(fragment.buffer, fragment.byteOffset, 64);
  const segmentCount = header.getUint32(0, true);
  const expectedSegments = bytesPerSample * samplesPerPixel;
  if (segmentCount !== expectedSegments) {
    throw new Error(`RLE: frame has ${segmentCount} segments, expected ${expectedSegments}`);
  }
  const offsets: number[] = [];
  for (let s = 0; s < segmentCount; s++) offsets.push(header.getUint32(4 + 4 * s, true));
  offsets.push(fragment.byteLength);

  const out = new Uint8Array(pixelCount * expectedSegments);
  const plane = new Uint8Array(pixelCount);
  for (let s = 0; s < segmentCount; s++) {
    decodePackBits(fragment, offsets[s], offsets[s + 1], plane);
    const sample = Math.floor(s / bytesPerSample);
    // segment 0 of a sample is its most significant byte; little endian puts that byte last
    const byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
    const stride = expectedSegments;
    const start = sample * bytesPerSample + byteInSample;
    for (let p = 0; p < pixelCount; p++) out[start + p * stride] = plane[p];
  }
  return out;
}

/** PackBits: n ≥ 0 copies n+1 literal bytes; −127 ≤ n ≤ −1 repeats the next byte 1−n times; −128 is a no-op. */
function decodePackBits(src: Uint8Array, start: number, end: number, target: Uint8Array): void {
  let inPos = start;
  let outPos = 0;
  const limit = Math.min(end, src.byteLength);
  while (inPos < limit && outPos < target.length) {
    const n = (src[inPos++] << 24) >> 24;
    if (n >= 0) {
      const count = n + 1;
      if (inPos + count > limit || outPos + count > target.length) {
        throw new Error('RLE: literal run past the end of its segment');
      }
      target.set(src.subarray(inPos, inPos + count), outPos);
      inPos += count;
      outPos += count;
    } else if (n !== -128) {
      const count = 1 - n;
      target.fill(src[inPos++], outPos, outPos + count);
      outPos += count;
    }
  }
  if (outPos < target.length) {
    throw new Error(`RLE: segment decoded to ${outPos} bytes, expected ${target.length}`);
  }
}
