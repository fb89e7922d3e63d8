import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserHost, type BrowserHost } from '../../electron/host/createBrowserHost';
import { tokenCookieName } from '../../electron/host/hostRequestGuard';
import { createCoreServices } from '../../electron/node/services/createCoreServices';
import type { CoreServices } from '../../electron/node/services/coreServices';

/**
 * The browser host as an attacker on the same machine (another local process, a web page doing DNS rebinding,
 * another site's page) would meet it: a real server on 127.0.0.1 over a real SQLite file.
 */
interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('browser host security', () => {
  let dir: string;
  let services: CoreServices;
  let host: BrowserHost;
  let api: (call: string, body: string, extra?: Record<string, string>) => Promise<Answer>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rtqa-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>RTQA Review</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
    services = createCoreServices({ databasePath: join(dir, 'rtqa.sqlite'), host: 'browser', appVersion: '0.0.0-test' });
    host = await createBrowserHost({ services, rendererDir });
    api = (call, body, extra = {}) => send(host.port, 'POST', `/api/${call}`, { 'content-type': 'application/json', 'x-rtqa-token': host.token, ...extra }, body);
  });

  afterAll(async () => {
    await host?.close();
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('answers a valid call with the token', async () => {
    const answer = await api('listTrials', '{}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, data: { trials: [] } });
  });

  it('refuses requests without the token (401) or with a wrong one (403)', async () => {
    const none = await send(host.port, 'POST', '/api/listTrials', { 'content-type': 'application/json' }, '{}');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('FORBIDDEN');
    const wrong = await api('listTrials', '{}', { 'x-rtqa-token': host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A') });
    expect(wrong.status).toBe(403);
    expect((await send(host.port, 'GET', '/', {})).status).toBe(401);
    expect((await send(host.port, 'GET', '/voxels/1/ct', {})).status).toBe(401);
    expect((await send(host.port, 'GET', '/api/events', {})).status).toBe(401);
  });

  it('refuses a token in the query string on API POSTs (it would end up in logs and history)', async () => {
    const answer = await send(host.port, 'POST', `/api/listTrials?token=${host.token}`, { 'content-type': 'application/json' }, '{}');
    expect(answer.status).toBe(401);
  });

  it('refuses another Origin even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const answer = await api('listTrials', '{}', { origin });
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body).error.message).toContain('Origin');
    }
    expect((await api('listTrials', '{}', { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `0.0.0.0:${host.port}`]) {
      const answer = await api('listTrials', '{}', { host: hostHeader });
      expect(answer.status, hostHeader).toBe(403);
    }
    expect((await api('listTrials', '{}', { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses cross-site fetches announced by Sec-Fetch-Site', async () => {
    expect((await api('listTrials', '{}', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('listTrials', '{}', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await api('listTrials', '{}', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('answers a malformed call with a validation envelope naming the field', async () => {
    const answer = await api('saveReview', JSON.stringify({
      planId: '1', reviewer: 'A. Physicist', overallGrade: 'catastrophic', findings: [{ findingId: '3', decision: 'override', reason: '' }],
    }));
    expect(answer.status).toBe(400);
    const result = JSON.parse(answer.body);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('VALIDATION');
    const paths = result.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('overallGrade');
    expect(paths).toContain('findings.0.reason');
  });

  it('answers an unknown call, bad JSON, a wrong content type and a wrong method with errors', async () => {
    const unknown = await api('deleteEverything', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_CALL');
    const proto = await api('__proto__', '{}');
    expect(JSON.parse(proto.body).error.code).toBe('UNKNOWN_CALL');
    const badJson = await api('listTrials', '{"trials":');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message).toContain('not valid JSON');
    const form = await api('listTrials', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const get = await send(host.port, 'GET', '/api/listTrials', { 'x-rtqa-token': host.token });
    expect(get.status).toBe(405);
  });

  it('answers a missing plan as NOT_FOUND, not as an error page', async () => {
    const answer = await api('getPlanReview', JSON.stringify({ planId: '999' }));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.code).toBe('NOT_FOUND');
  });

  it('moves a query token into an HttpOnly SameSite cookie and out of the URL, then accepts the cookie', async () => {
    const first = await send(host.port, 'GET', `/?token=${host.token}`, {});
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain(`${tokenCookieName(host.port)}=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(host.port, 'GET', '/', { cookie: `${tokenCookieName(host.port)}=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('RTQA Review');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('serves nothing outside the renderer folder and only well-formed voxel paths', async () => {
    const auth = { 'x-rtqa-token': host.token };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/renderer/../secret.txt']) {
      const answer = await send(host.port, 'GET', path, auth);
      expect(answer.body, path).not.toContain('outside the renderer folder');
    }
    expect((await send(host.port, 'GET', '/voxels/1/passwd', auth)).status).toBe(404);
    expect((await send(host.port, 'GET', '/voxels/..%2f..%2fetc/ct', auth)).status).toBe(404);
    expect((await send(host.port, 'GET', '/voxels/1/ct', auth)).status).toBe(404);
  });
});
