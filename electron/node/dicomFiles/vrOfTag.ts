import dcmjs from 'dcmjs';

const { DicomMetaDictionary } = dcmjs.data as unknown as {
  DicomMetaDictionary: { dictionary: Record<string, { vr?: string } | undefined> };
};

const cache = new Map<string, string>();

/**
 * VR of a tag (8 upper-case hex digits) from dcmjs's data dictionary, for implicit VR data sets: group
 * lengths are UL, private creators LO, unknown tags UN (their bytes are kept as they are).
 */
export function vrOfTag(tag: string): string {
  let vr = cache.get(tag);
  if (vr === undefined) {
    const group = parseInt(tag.slice(0, 4), 16);
    const element = parseInt(tag.slice(4, 8), 16);
    if (element === 0) vr = 'UL';
    else if (group % 2 === 1 && element >= 0x10 && element <= 0xff) vr = 'LO';
    else vr = DicomMetaDictionary.dictionary[`(${tag.slice(0, 4)},${tag.slice(4, 8)})`]?.vr ?? 'UN';
    cache.set(tag, vr);
  }
  return vr;
}
