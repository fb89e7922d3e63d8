import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererAsset {
  file: string;
  contentType: string;
  sizeBytes: number;
  /** index.html must never be cached (it names the hashed bundles of this build) */
  isIndex: boolean;
}

/**
 * The file of the built renderer (vite output) a URL path asks for, for both hosts (rtqa://app in Electron,
 * http://127.0.0.1 in the browser host). Only files inside `rootDir` are ever returned; a path without an
 * extension that names no file is a client-side route and gets index.html. Null when nothing matches.
 */
export async function resolveRendererAsset(rootDir: string, urlPath: string): Promise<RendererAsset | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const root = rootDir.endsWith(sep) ? rootDir.slice(0, -1) : rootDir;
  let file = join(root, relative);
  if (!file.startsWith(root + sep)) return null;
  let info = await stat(file).catch(() => null);
  if ((!info || info.isDirectory()) && extname(relative) === '') {
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) return null;
  return {
    file,
    contentType: MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    sizeBytes: info.size,
    isIndex: file === join(root, 'index.html'),
  };
}
