import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { parseVoxelPath } from '../common/api';
import { CONTENT_SECURITY_POLICY } from '../common/security/contentSecurityPolicy';
import type { CoreServices } from '../node/services/coreServices';
import { resolveRendererAsset } from '../node/rendererAssets/resolveRendererAsset';
import { APP_SCHEME, routeAppUrl } from './appOrigin';

/** Privileges of rtqa:// (call before app is ready): a standard, secure scheme that fetch() and streams can use. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * rtqa://app/… serves the built renderer from `rendererDir`; rtqa://app/voxels/<planId>/<kind> (and its alias
 * rtqa://voxels/<planId>/<kind>) the raw voxel bytes, so bulk data never crosses IPC.
 */
export function registerAppProtocol(protocol: Protocol, rendererDir: string, services: CoreServices): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const route = routeAppUrl(request.url);
    if (!route || request.method !== 'GET') return textResponse(404, 'not found');
    if (route.kind === 'voxels') {
      const target = parseVoxelPath(route.path);
      const bytes = target ? await services.readVolume(target.planId, target.kind) : null;
      if (!bytes) return textResponse(404, `no volume at ${route.path}`);
      return new Response(new Uint8Array(bytes), {
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength), 'Cache-Control': 'no-store' },
      });
    }
    const asset = await resolveRendererAsset(rendererDir, route.path);
    if (!asset) return textResponse(404, `not found: ${route.path}`);
    return new Response(new Uint8Array(await readFile(asset.file)), {
      headers: { 'Content-Type': asset.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
