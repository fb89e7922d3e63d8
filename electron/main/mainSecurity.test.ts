import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL } from '../common/api';
import { createCoreServices } from '../node/services/createCoreServices';
import { applySessionSecurity } from './applySessionSecurity';
import { registerIpcHandlers } from './registerIpcHandlers';
import { restrictWebContents } from './restrictWebContents';

/*
 * Electron's binary is absent here, so main's security modules are driven through the few Electron methods
 * they call, recorded by small stand-ins: the rules themselves (what is denied, what is let through) are the
 * real code. The services behind IPC are real (SQLite file).
 */
type Handler = (...args: unknown[]) => unknown;

describe('IPC handler (main)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rtqa-ipc-'));
  const services = createCoreServices({ databasePath: join(dir, 'rtqa.sqlite'), host: 'electron', appVersion: '0.0.0-test', importWorkers: 0 });
  const handlers = new Map<string, Handler>();
  registerIpcHandlers({ handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never, services);
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const invoke = (frame: unknown, name: unknown, input: unknown) => handlers.get(IPC_CALL_CHANNEL)!({ senderFrame: frame }, name, input) as Promise<{ ok: boolean; error?: { code: string } }>;
  const ownPage = { url: 'rtqa://app/index.html#/plans/1', parent: null };

  it('listens on the one call channel only', () => {
    expect([...handlers.keys()]).toEqual([IPC_CALL_CHANNEL]);
  });

  it('answers our own top frame', async () => {
    expect(await invoke(ownPage, 'listTrials', {})).toEqual({ ok: true, data: { trials: [] } });
  });

  it('refuses other senders before anything runs', async () => {
    const senders = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/index.html', parent: null },
      { url: 'rtqa://app/index.html', parent: { url: 'rtqa://app/index.html' } },
    ];
    for (const frame of senders) expect((await invoke(frame, 'listTrials', {})).error?.code, JSON.stringify(frame)).toBe('FORBIDDEN');
  });

  it('answers malformed and unknown calls with validation errors', async () => {
    expect((await invoke(ownPage, 'getPlanReview', { planId: { $gt: '' } })).error?.code).toBe('VALIDATION');
    expect((await invoke(ownPage, 'shell.openExternal', {})).error?.code).toBe('UNKNOWN_CALL');
  });
});

describe('session security (main)', () => {
  const recorded: Record<string, Handler> = {};
  const session = {
    webRequest: {
      onHeadersReceived: (h: Handler) => { recorded.headers = h; },
      onBeforeRequest: (h: Handler) => { recorded.request = h; },
    },
    setPermissionRequestHandler: (h: Handler) => { recorded.permission = h; },
    setPermissionCheckHandler: (h: Handler) => { recorded.permissionCheck = h; },
    setDevicePermissionHandler: (h: Handler) => { recorded.device = h; },
  };
  applySessionSecurity(session as never);

  it('adds the strict CSP to every response', () => {
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    recorded.headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: typeof out) => { out = r; });
    expect(out!.responseHeaders['Content-Security-Policy'][0]).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(out!.responseHeaders['Content-Type']).toEqual(['text/html']);
  });

  it('cancels every request that is not to the app itself', () => {
    const cancelled = (url: string) => { let c: boolean | undefined; recorded.request({ url }, (r: { cancel: boolean }) => { c = r.cancel; }); return c; };
    expect(cancelled('rtqa://app/assets/index.js')).toBe(false);
    expect(cancelled('rtqa://app/voxels/3/ct')).toBe(false);
    expect(cancelled('https://cdn.example/lib.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/api/listTrials')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });

  it('denies every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      recorded.permission({}, permission, (g: boolean) => { granted = g; });
      expect(granted, permission).toBe(false);
    }
    expect(recorded.permissionCheck({}, 'media')).toBe(false);
    expect(recorded.device({})).toBe(false);
  });
});

describe('web contents restrictions (main)', () => {
  let created: Handler | undefined;
  restrictWebContents({ on: (event: string, h: Handler) => { if (event === 'web-contents-created') created = h; } } as never);
  const listeners: Record<string, Handler> = {};
  let openHandler: Handler | undefined;
  created!({}, { on: (event: string, h: Handler) => { listeners[event] = h; }, setWindowOpenHandler: (h: Handler) => { openHandler = h; } });
  const prevented = (event: string, url?: string) => { let p = false; listeners[event]({ preventDefault: () => { p = true; } }, url); return p; };

  it('blocks navigation and redirects away from rtqa://app, and every <webview>', () => {
    expect(prevented('will-navigate', 'rtqa://app/index.html#/worklist')).toBe(false);
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///home/user/')).toBe(true);
    expect(prevented('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('denies every new window', () => {
    expect(openHandler!({ url: 'rtqa://app/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});
