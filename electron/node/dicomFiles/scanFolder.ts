import type { DicomIndex } from './dicomIndexTypes';
import { buildDicomIndex } from './buildDicomIndex';
import { listFilesRecursive } from './listFilesRecursive';
import type { ScanProgress } from './scanHeaders';
import { scanHeaders } from './scanHeaders';

/**
 * Indexes a folder tree (searched recursively): reads only headers (never pixel data or contours), groups
 * patients → studies → CT series / structure sets / plans / doses by UID and links them (how each link was
 * made is recorded). Unreadable files are listed in `errors`, non-DICOM files in `notes`.
 */
export async function scanFolder(rootPath: string, options: ScanProgress = {}): Promise<DicomIndex> {
  const files = await listFilesRecursive(rootPath);
  const { records, errors, notes } = await scanHeaders(files, options);
  return buildDicomIndex(rootPath, files.length, records, errors, notes);
}
