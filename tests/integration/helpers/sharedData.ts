import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's shared folder sits beside the repository (../shared), in development and in CI alike. */
export const SHARED_DIR = process.env.RTQA_SHARED_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared');

/** pydicom's small public RT objects with known pixel values (see its README.md). */
export const CONFORMANCE_DIR = join(SHARED_DIR, 'data', 'dicom-conformance', 'pydicom');
