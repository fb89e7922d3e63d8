/**
 * Typed access to a naturalized DICOM data set (dcmjs `naturalizeDataset` output: keyword → value).
 * Vendors write numbers as strings (IS/DS), single values as one-element arrays and sequences as arrays of
 * items; these helpers absorb those differences so the mappers read like the standard.
 */
export type DicomDataset = Readonly<Record<string, unknown>>;

/** A required tag was absent or empty; the message names the keyword and the (gggg,eeee) tag. */
export class MissingTagError extends Error {
  constructor(readonly keyword: string, readonly tag: string, context?: string) {
    super(`required tag ${keyword} ${tag} is missing${context ? ` ${context}` : ''}`);
    this.name = 'MissingTagError';
  }
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The first value of a tag as a trimmed string, or null when absent/empty. */
export function stringValue(ds: DicomDataset, keyword: string): string | null {
  const value = first(ds[keyword]);
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') {
    // PersonName comes as { Alphabetic: 'Doe^John' }
    const alphabetic = (value as { Alphabetic?: unknown }).Alphabetic;
    return typeof alphabetic === 'string' && alphabetic.trim() !== '' ? alphabetic.trim() : null;
  }
  const text = String(value).replace(/\0/g, '').trim();
  return text === '' ? null : text;
}

/** The first value as a finite number (IS/DS strings accepted), or null. */
export function numberValue(ds: DicomDataset, keyword: string): number | null {
  const value = first(ds[keyword]);
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? n : null;
}

/** Every value of a multi-valued numeric tag (backslash-separated strings accepted), or null. */
export function numberValues(ds: DicomDataset, keyword: string): number[] | null {
  const raw = ds[keyword];
  if (raw === undefined || raw === null) return null;
  const items = Array.isArray(raw) ? raw : String(raw).split('\\');
  const out: number[] = [];
  for (const item of items) {
    const n = typeof item === 'number' ? item : Number(String(item).trim());
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return out.length > 0 ? out : null;
}

/** The items of a sequence (empty when absent). */
export function sequenceItems(ds: DicomDataset, keyword: string): DicomDataset[] {
  const raw = ds[keyword];
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.filter((item): item is DicomDataset => typeof item === 'object' && item !== null);
}

const TAGS: Record<string, string> = {
  SOPInstanceUID: '(0008,0018)', SOPClassUID: '(0008,0016)', Modality: '(0008,0060)',
  StudyInstanceUID: '(0020,000D)', SeriesInstanceUID: '(0020,000E)', FrameOfReferenceUID: '(0020,0052)',
  ImagePositionPatient: '(0020,0032)', ImageOrientationPatient: '(0020,0037)', PixelSpacing: '(0028,0030)',
  Rows: '(0028,0010)', Columns: '(0028,0011)', BitsAllocated: '(0028,0100)', PixelRepresentation: '(0028,0103)',
  PixelData: '(7FE0,0010)', GridFrameOffsetVector: '(3004,000C)', DoseGridScaling: '(3004,000E)',
  DoseUnits: '(3004,0002)', NumberOfFrames: '(0028,0008)', StructureSetROISequence: '(3006,0020)',
  ROIContourSequence: '(3006,0039)', ContourData: '(3006,0050)', ROINumber: '(3006,0022)', PatientID: '(0010,0020)',
  RescaleSlope: '(0028,1053)', RescaleIntercept: '(0028,1052)',
};

/** The DICOM tag of a keyword, for messages ("(0028,0010)"); '' when not in this short table. */
export function tagOf(keyword: string): string {
  return TAGS[keyword] ?? '';
}

export function requireString(ds: DicomDataset, keyword: string, context?: string): string {
  const value = stringValue(ds, keyword);
  if (value === null) throw new MissingTagError(keyword, tagOf(keyword), context);
  return value;
}

export function requireNumber(ds: DicomDataset, keyword: string, context?: string): number {
  const value = numberValue(ds, keyword);
  if (value === null) throw new MissingTagError(keyword, tagOf(keyword), context);
  return value;
}

export function requireNumbers(ds: DicomDataset, keyword: string, count: number, context?: string): number[] {
  const values = numberValues(ds, keyword);
  if (values === null || values.length < count) throw new MissingTagError(keyword, tagOf(keyword), context);
  return values;
}
