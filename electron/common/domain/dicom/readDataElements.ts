/**
 * A lean reader of DICOM data elements (PS3.5 §7) for little-endian data sets, implicit or explicit VR.
 * Why next to dcmjs: dcmjs finds the end of an undefined-length sequence item by scanning it two bytes at a
 * time and then parses it again, which makes a head-and-neck RTSTRUCT (megabytes of ContourData in
 * undefined-length items) take about half a second; recursive descent reads each byte once. It produces the
 * same tag → { vr, Value } shape as dcmjs so the same naturalisation and mappers apply; anything it does not
 * handle (encapsulated pixel data, big endian) is left to dcmjs by the caller.
 */
export interface DataElement {
  readonly vr: string;
  readonly Value: unknown[];
}
export type ElementDict = Record<string, DataElement>;

export interface ReadElementsOptions {
  readonly explicitVr: boolean;
  /** VR of a tag from the data dictionary, for implicit VR ('UN' when unknown) */
  readonly vrOfTag: (tag: string) => string;
  /** stop before this top-level tag (8 upper-case hex digits) */
  readonly stopAtTag?: string;
  /** stop before the first top-level tag greater than this one */
  readonly stopAfterTag?: string;
}

export class UnsupportedElementError extends Error {}

/** The bytes end inside an element: the file was cut short. */
export class TruncatedDataError extends Error {}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);
const TEXT_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DT', 'LO', 'SH', 'TM', 'UC', 'UI']);
const SINGLE_TEXT_VRS = new Set(['LT', 'ST', 'UT', 'UR']);
const UNDEFINED = 0xffffffff;

export interface ElementsResult {
  readonly dict: ElementDict;
  /** the top-level stop tag was met (stopAtTag) or passed (stopAfterTag) */
  readonly stopped: boolean;
  readonly offset: number;
}

/** Reads top-level elements from `offset` to the end of `bytes` (or a stop tag). Throws on malformed input. */
export function readDataElements(bytes: Uint8Array, offset: number, options: ReadElementsOptions): ElementsResult {
  const reader = new ElementReader(bytes, options);
  const dict: ElementDict = {};
  const stopped = reader.readItem(offset, bytes.byteLength, dict, true);
  return { dict, stopped, offset: reader.offset };
}

class ElementReader {
  offset = 0;
  private readonly view: DataView;
  private decoder = new TextDecoder('latin1');

  constructor(private readonly bytes: Uint8Array, private readonly options: ReadElementsOptions) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Elements until `end`, or an item delimiter when end is undefined; true when a top-level stop was hit. */
  readItem(start: number, end: number, dict: ElementDict, topLevel: boolean): boolean {
    this.offset = start;
    while (this.offset < end) {
      this.need(4);
      const group = this.view.getUint16(this.offset, true);
      const element = this.view.getUint16(this.offset + 2, true);
      const tag = hex4(group) + hex4(element);
      if (group === 0xfffe) {
        // item delimiter ends an undefined-length item
        this.offset += 8;
        if (element === 0xe00d) return false;
        throw new Error(`unexpected delimiter (FFFE,${hex4(element)}) inside an item`);
      }
      if (topLevel && (tag === this.options.stopAtTag
        || (this.options.stopAfterTag !== undefined && tag > this.options.stopAfterTag))) {
        return true;
      }
      this.offset += 4;
      let vr: string;
      let length: number;
      if (this.options.explicitVr) {
        this.need(4);
        vr = String.fromCharCode(this.bytes[this.offset], this.bytes[this.offset + 1]);
        if (LONG_VRS.has(vr)) {
          this.need(8);
          length = this.view.getUint32(this.offset + 4, true);
          this.offset += 8;
        } else {
          length = this.view.getUint16(this.offset + 2, true);
          this.offset += 4;
        }
      } else {
        this.need(4);
        length = this.view.getUint32(this.offset, true);
        this.offset += 4;
        vr = this.options.vrOfTag(tag);
        if (vr === 'UN' && length === UNDEFINED) vr = 'SQ';
      }
      if (tag === '00080005') this.setCharacterSet(length);
      vr = normalizeVr(vr);
      dict[tag] = { vr, Value: this.readValue(vr, length, tag) };
    }
    if (this.offset > end) throw new Error('an element runs past the end of its item');
    return false;
  }

  private readValue(vr: string, length: number, tag: string): unknown[] {
    if (vr === 'SQ') return this.readSequence(length);
    if (length === UNDEFINED) {
      throw new UnsupportedElementError(`element ${tag} has undefined length (encapsulated data)`);
    }
    this.need(length);
    const start = this.offset;
    this.offset += length;
    if (length === 0) return [];
    const at = (n: number) => this.bytes.byteOffset + start + n;
    switch (vr) {
      case 'US': return this.numbers(start, length, 2, (o) => this.view.getUint16(o, true));
      case 'SS': return this.numbers(start, length, 2, (o) => this.view.getInt16(o, true));
      case 'UL': return this.numbers(start, length, 4, (o) => this.view.getUint32(o, true));
      case 'SL': return this.numbers(start, length, 4, (o) => this.view.getInt32(o, true));
      case 'FL': return this.numbers(start, length, 4, (o) => this.view.getFloat32(o, true));
      case 'FD': return this.numbers(start, length, 8, (o) => this.view.getFloat64(o, true));
      case 'AT': return this.numbers(start, length, 4,
        (o) => ((this.view.getUint16(o, true) << 16) | this.view.getUint16(o + 2, true)) >>> 0);
      case 'DS': case 'IS': return this.text(start, length).split('\\').map(parseNumber);
      case 'PN': return this.text(start, length).split('\\').map((name) => ({ Alphabetic: name }));
      default:
        if (TEXT_VRS.has(vr)) return this.text(start, length).split('\\');
        if (SINGLE_TEXT_VRS.has(vr)) return [this.text(start, length, false)];
        return [this.bytes.buffer.slice(at(0), at(length))];
    }
  }

  private readSequence(length: number): unknown[] {
    const items: ElementDict[] = [];
    const end = length === UNDEFINED ? Number.POSITIVE_INFINITY : this.offset + length;
    while (this.offset < end) {
      this.need(8);
      const group = this.view.getUint16(this.offset, true);
      const element = this.view.getUint16(this.offset + 2, true);
      const itemLength = this.view.getUint32(this.offset + 4, true);
      this.offset += 8;
      if (group === 0xfffe && element === 0xe0dd) break; // sequence delimiter
      if (group !== 0xfffe || element !== 0xe000) {
        throw new Error(`expected an item in a sequence, found (${hex4(group)},${hex4(element)})`);
      }
      const item: ElementDict = {};
      if (itemLength === UNDEFINED) {
        this.readItem(this.offset, Number.POSITIVE_INFINITY, item, false);
      } else {
        const itemEnd = this.offset + itemLength;
        this.need(itemLength);
        this.readItem(this.offset, itemEnd, item, false);
        this.offset = itemEnd;
      }
      items.push(item);
    }
    return items;
  }

  private numbers(start: number, length: number, size: number, read: (o: number) => number): number[] {
    const out: number[] = [];
    for (let o = start; o + size <= start + length; o += size) out.push(read(o));
    return out;
  }

  private text(start: number, length: number, trimStart = true): string {
    let end = start + length;
    while (end > start && (this.bytes[end - 1] === 0x20 || this.bytes[end - 1] === 0)) end--;
    const value = this.decoder.decode(this.bytes.subarray(start, end));
    return trimStart ? value.replace(/^ +/, '') : value;
  }

  private setCharacterSet(length: number): void {
    const value = this.text(this.offset, Math.min(length, this.bytes.byteLength - this.offset)).toUpperCase();
    this.decoder = new TextDecoder(value.includes('ISO_IR 192') ? 'utf-8' : 'latin1');
  }

  private need(count: number): void {
    if (this.offset + count > this.bytes.byteLength) {
      throw new TruncatedDataError(`data ends inside an element at byte ${this.offset} (file truncated?)`);
    }
  }
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

function normalizeVr(vr: string): string {
  return vr === 'ox' ? 'OW' : vr === 'xs' ? 'US' : vr;
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}
