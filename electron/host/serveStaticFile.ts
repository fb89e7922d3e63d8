import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
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

/**
 * Serves one file of the built renderer (build/renderer). Paths are resolved inside `rootDir` only; a path
 * without an extension that matches no file is a client-side route and gets index.html.
 * Returns false when nothing could be served (the caller answers 404).
 */
export async function serveStaticFile(rootDir: string, urlPath: string, response: ServerResponse): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(rootDir, relative);
  if (full !== rootDir && !full.startsWith(rootDir.endsWith(sep) ? rootDir : rootDir + sep)) return false;
  let file = full;
  let info = await stat(file).catch(() => null);
  if ((!info || info.isDirectory()) && extname(relative) === '') {
    file = join(rootDir, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) return false;
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // hashed asset names change with every build; index.html must always be fresh
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600',
  });
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(response);
  });
  return true;
}
