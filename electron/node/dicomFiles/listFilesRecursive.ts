import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every regular file under a folder (or the path itself when it is a file), sorted for stable output. */
export async function listFilesRecursive(rootPath: string): Promise<string[]> {
  const entries = await readdir(rootPath, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (entries === null) return [rootPath];
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
