import { basename } from 'node:path';

const DICOM_EXTENSIONS = /\.(dcm|dicom|dic)$/i;

/**
 * Turns a failure to read a file into either a note (a file that was never meant to be DICOM: README.txt,
 * .DS_Store) or an error line. A file named *.dcm that is not DICOM is an error: someone expected it to be.
 */
export function describeReadFailure(file: string, error: unknown): { kind: 'note' | 'error'; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'NotDicomError' && !DICOM_EXTENSIONS.test(basename(file))) {
    return { kind: 'note', message: `${file}: skipped, not a DICOM file` };
  }
  return { kind: 'error', message };
}
