import { stringValue } from '../../common/domain/dicom/datasetValues';
import type { FileError } from '../../common/domain/rt';
import type { DicomHeaderRecord } from './describeDicomHeader';
import { describeDicomHeader } from './describeDicomHeader';
import { describeReadFailure } from './describeReadFailure';
import type { ParsedDicom } from './parseDicomBytes';
import { readDicomHeader } from './readDicomFile';

export interface ScanProgress {
  readonly onProgress?: (done: number, total: number) => void;
}

/** Files read at once: enough to overlap disk waits, few enough for a 2-core machine. */
const CONCURRENCY = 8;

const IMAGE_MODALITIES = new Set(['CT', 'RTDOSE']);
const IMAGE_SOP_CLASSES = new Set(['1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.5.1.4.1.1.481.2']);

/** A CT or dose file read to its end without meeting PixelData is most likely cut short: say so. */
function endsEarly(parsed: ParsedDicom, error: unknown): unknown {
  const modality = (stringValue(parsed.dataset, 'Modality') ?? '').toUpperCase();
  const sopClass = stringValue(parsed.dataset, 'SOPClassUID') ?? '';
  const hasPixels = IMAGE_MODALITIES.has(modality) || IMAGE_SOP_CLASSES.has(sopClass);
  if (!(error instanceof Error) || parsed.stoppedAtTag || !hasPixels) return error;
  return new Error(`${error.message}; the file ends before its pixel data (truncated?)`);
}

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
        try {
          records[index] = describeDicomHeader(file, parsed.dataset);
        } catch (error) {
          throw endsEarly(parsed, error);
        }
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
