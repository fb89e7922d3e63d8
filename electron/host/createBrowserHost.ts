import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { dispatchCall, errorResult, parseVoxelPath, type ApiResult } from '../common/api';
import { CONTENT_SECURITY_POLICY } from '../common/security/contentSecurityPolicy';
import type { CoreServices } from '../node/services/coreServices';
import { EventStreamHub } from './eventStreamHub';
import { checkRequest, tokenCookieName } from './hostRequestGuard';
import { httpStatusForResult } from './httpStatusForResult';
import { serveStaticFile } from './serveStaticFile';

export interface BrowserHostOptions {
  services: CoreServices;
  /** the built renderer (vite output), served at / */
  rendererDir: string;
  /** 0 = any free port */
  port?: number;
  /** fixed token for tests; a fresh random one per launch otherwise */
  token?: string;
}

export interface BrowserHost {
  readonly port: number;
  readonly token: string;
  /** the one URL to open: http://127.0.0.1:PORT/?token=… */
  readonly url: string;
  close(): Promise<void>;
}

/** Largest accepted API request body: calls carry ids, filters and review text, never volumes. */
const MAX_BODY_BYTES = 1 << 20;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The browser host: the API contract (`POST /api/<call>`), its events (`GET /api/events`, SSE), voxel bytes
 * (`GET /voxels/<planId>/<kind>`) and the renderer, over HTTP on 127.0.0.1 only. See hostRequestGuard for who
 * may call it.
 */
export async function createBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const hub = new EventStreamHub();
  const unsubscribe = options.services.onEvent((message) => hub.publish(message));
  let port = 0;

  function send(response: ServerResponse, status: number, body: string | Uint8Array, contentType: string, extra: Record<string, string> = {}): void {
    response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
    response.end(body);
  }

  function sendResult(response: ServerResponse, result: ApiResult<unknown>): void {
    send(response, httpStatusForResult(result), JSON.stringify(result), 'application/json; charset=utf-8');
  }

  async function readJsonBody(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; result: ApiResult<never>; status: number }> {
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      return { ok: false, status: 415, result: errorResult('VALIDATION', 'API calls must be sent as Content-Type: application/json') };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return { ok: false, status: 413, result: errorResult('VALIDATION', `request body larger than ${MAX_BODY_BYTES} bytes`) };
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, status: 400, result: errorResult('VALIDATION', `request body is not valid JSON (${(error as Error).message})`) };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(request, url, port, token);
    if (verdict.status !== 200) {
      send(response, verdict.status, JSON.stringify(errorResult('FORBIDDEN', `refused: ${verdict.reason}`)), 'application/json; charset=utf-8');
      return;
    }
    const path = url.pathname;

    if (path.startsWith('/api/')) {
      const name = path.slice('/api/'.length);
      if (name === 'events' && request.method === 'GET') {
        hub.open(response, SECURITY_HEADERS);
        return;
      }
      if (request.method !== 'POST') {
        send(response, 405, JSON.stringify(errorResult('VALIDATION', 'API calls use POST')), 'application/json; charset=utf-8', { Allow: 'POST' });
        return;
      }
      const body = await readJsonBody(request);
      if (!body.ok) {
        send(response, body.status, JSON.stringify(body.result), 'application/json; charset=utf-8');
        return;
      }
      sendResult(response, await dispatchCall(options.services.handlers, name, body.value));
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }

    if (path.startsWith('/voxels/')) {
      const target = parseVoxelPath(path);
      if (!target) {
        send(response, 404, 'no such volume path', 'text/plain; charset=utf-8');
        return;
      }
      const bytes = await options.services.readVolume(target.planId, target.kind);
      if (!bytes) {
        send(response, 404, `plan ${target.planId} has no ${target.kind} volume`, 'text/plain; charset=utf-8');
        return;
      }
      send(response, 200, bytes, 'application/octet-stream', { 'Content-Length': String(bytes.byteLength) });
      return;
    }

    if (verdict.tokenFromQuery) {
      // keep the token out of the address bar, history and logs: it lives on in an HttpOnly cookie
      const clean = new URL(url);
      clean.searchParams.delete('token');
      send(response, 303, '', 'text/plain; charset=utf-8', {
        Location: clean.pathname + clean.search,
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return;
    }

    for (const [key, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(key, value);
    if (!(await serveStaticFile(rendererDir, path, response))) {
      const message = path === '/' || path === '/index.html'
        ? `the renderer is not built (no ${rendererDir}/index.html): run npm run build`
        : `not found: ${path}`;
      send(response, 404, message, 'text/plain; charset=utf-8');
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendResult(response, errorResult('INTERNAL', `request failed: ${error instanceof Error ? error.message : String(error)}`));
    });
  });
  // loopback only: the review data never becomes reachable from the network
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
