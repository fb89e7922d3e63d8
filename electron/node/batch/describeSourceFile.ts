import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseDicomBytes } from '../dicomFiles/parseDicomBytes';
import type { SourceFileRecord } from '../store/repositories/sourceFileRepository';

export interface DescribedSourceFile extends SourceFileRecord {
  /** InstitutionName (0008,0080): the submitting centre, null when the file does not say */
  institutionName: string | null;
}

/**
 * Hash a DICOM file's bytes (sha256: how a later run recognises the same content) and read the few
 * header tags the store keeps, from the same bytes: parsing stops after InstitutionName (0008,0080).
 */
export function describeSourceFile(path: string): DescribedSourceFile {
  return describeBytes(path, readFileSync(path));
}

/**
 * The same for a plan's files, with several reads in flight: hashing needs every byte of every CT
 * slice, and on a busy disk the reads, not the hashing, take the time.
 */
export async function describeSourceFiles(paths: readonly string[], concurrency = 8): Promise<DescribedSourceFile[]> {
  const out: DescribedSourceFile[] = new Array(paths.length);
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const i = next++;
      out[i] = describeBytes(paths[i], await readFile(paths[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, lane));
  return out;
}

function describeBytes(path: string, bytes: Buffer): DescribedSourceFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let sopInstanceUid: string | null = null;
  let modality: string | null = null;
  let institutionName: string | null = null;
  try {
    const { dataset } = parseDicomBytes(bytes, { stopAfterTag: '00080080' });
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    sopInstanceUid = text(dataset.SOPInstanceUID);
    modality = text(dataset.Modality);
    institutionName = text(dataset.InstitutionName);
  } catch {
    // the bundle was built from this file, so it is DICOM; a header quirk only costs these three fields
  }
  return { path, sha256, sizeBytes: bytes.byteLength, sopInstanceUid, modality, institutionName };
}

/** sha256 over the sorted file hashes: the identity of a plan's content, whatever the paths. */
export function planContentKey(fileHashes: readonly string[]): string {
  const hash = createHash('sha256');
  for (const h of [...fileHashes].sort()) hash.update(h);
  return hash.digest('hex');
}
