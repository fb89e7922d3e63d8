import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every regular file under a folder (or the path itself when it is a file), sorted for stable output.
 * Symbolic links to files are followed (PACS exports and test folders use them); links to folders are not,
 * so a link cycle cannot make the walk endless.
 */
export async function listFilesRecursive(rootPath: string): Promise<string[]> {
  const entries = await readdir(rootPath, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (entries === null) return [rootPath];
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile()) files.push(path);
  }
  return files.sort();
}
