import dcmjs from 'dcmjs';
import type { DicomDataset } from '../../common/domain/dicom/datasetValues';

const { DicomMetaDictionary } = dcmjs.data as unknown as {
  DicomMetaDictionary: { dictionary: Record<string, { name?: string }> };
};

/**
 * '00080016' → 'SOPClassUID'. dcmjs's dictionary is a lazy lookup keyed '(0008,0016)' (not enumerable), so
 * each tag is looked up once and remembered; tags it does not know (private ones) keep their hex key.
 */
const keywordOfTag = new Map<string, string>();
function keywordOf(tag: string): string {
  let name = keywordOfTag.get(tag);
  if (name === undefined) {
    const upper = tag.toUpperCase();
    name = DicomMetaDictionary.dictionary[`(${upper.slice(0, 4)},${upper.slice(4, 8)})`]?.name ?? tag;
    keywordOfTag.set(tag, name);
  }
  return name;
}

interface Element {
  readonly vr?: string;
  readonly Value?: unknown[];
}

/**
 * Turns dcmjs's tag-keyed dictionary into a keyword-keyed data set like dcmjs's naturalizeDataset: sequences
 * become arrays of items, a single string or number becomes that value, anything else (multiple values,
 * person names, binary data such as PixelData) stays the array dcmjs read.
 * A lighter replacement for dcmjs's naturalizeDataset, which costs more than the parse itself when indexing
 * hundreds of CT headers.
 */
export function naturalizeDicomDict(dict: Record<string, unknown>): DicomDataset {
  const out: Record<string, unknown> = {};
  for (const tag in dict) {
    const element = dict[tag] as Element;
    const name = keywordOf(tag);
    const value = element?.Value;
    if (value === undefined || value === null) {
      out[name] = null;
    } else if (element.vr === 'SQ') {
      out[name] = value.map((item) => naturalizeDicomDict(item as Record<string, unknown>));
    } else if (value.length === 1 && (typeof value[0] === 'string' || typeof value[0] === 'number')) {
      out[name] = value[0]; // as dcmjs's naturalizeDataset does: a single string or number is not an array
    } else {
      out[name] = value;
    }
  }
  return out;
}
