import type { FileError } from '../../common/domain/rt';
import type { DicomHeaderRecord } from './describeDicomHeader';
import { describeDicomHeader } from './describeDicomHeader';
import { describeReadFailure } from './describeReadFailure';
import { readDicomHeader } from './readDicomFile';

export interface ScanProgress {
  readonly onProgress?: (done: number, total: number) => void;
}

/** Files read at once: enough to overlap disk waits, few enough for a 2-core machine. */
const CONCURRENCY = 8;

/** Reads and classifies the header of every file; unreadable files become errors or notes, never throws. */
export async function scanHeaders(files: readonly string[], options: ScanProgress = {}): Promise<{
  records: DicomHeaderRecord[]; errors: FileError[]; notes: string[];
}> {
  const records: (DicomHeaderRecord | null)[] = new Array(files.length).fill(null);
  const errors: FileError[] = [];
  const notes: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      try {
        const parsed = await readDicomHeader(file);
        records[index] = describeDicomHeader(file, parsed.dataset);
      } catch (error) {
        const failure = describeReadFailure(file, error);
        if (failure.kind === 'note') notes.push(failure.message);
        else errors.push({ file, message: failure.message });
      }
      done++;
      options.onProgress?.(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return { records: records.filter((r): r is DicomHeaderRecord => r !== null), errors, notes };
}
