import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolveRendererAsset } from '../node/rendererAssets/resolveRendererAsset';

/**
 * Streams one file of the built renderer. Returns false when the path names nothing inside `rootDir`
 * (the caller answers 404).
 */
export async function serveStaticFile(rootDir: string, urlPath: string, response: ServerResponse): Promise<boolean> {
  const asset = await resolveRendererAsset(rootDir, urlPath);
  if (!asset) return false;
  response.writeHead(200, {
    'Content-Type': asset.contentType,
    'Content-Length': asset.sizeBytes,
    'Cache-Control': asset.isIndex ? 'no-store' : 'private, max-age=3600',
  });
  await new Promise<void>((resolve, reject) => {
    createReadStream(asset.file).on('error', reject).on('end', resolve).pipe(response);
  });
  return true;
}
