import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, IPC_CALL_CHANNEL } from '../../electron/common/api';

/**
 * The preload as Electron runs it: bundled exactly as scripts/build.mjs does (CommonJS, electron external),
 * then loaded with a stand-in `electron` module. A sandboxed preload may require only a few built-ins, so the
 * bundle must require nothing but 'electron'; and it must expose exactly `window.rtqa` with the contract's calls.
 */
describe('preload bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rtqa-preload-'));
  const required: string[] = [];
  const exposed: Record<string, unknown> = {};
  const sent: unknown[][] = [];

  beforeAll(async () => {
    const out = join(dir, 'preload.cjs');
    await build({
      entryPoints: [join(import.meta.dirname, '../../electron/preload/preload.ts')], outfile: out, bundle: true,
      platform: 'node', format: 'cjs', target: 'node22', external: ['electron'], logLevel: 'silent',
    });
    const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = moduleApi._load;
    moduleApi._load = function load(request: string, ...rest: unknown[]) {
      required.push(request);
      if (request === 'electron') {
        return {
          contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { exposed[key] = value; } },
          ipcRenderer: { invoke: async (...args: unknown[]) => { sent.push(args); return { ok: true, data: { trials: [] } }; }, on: () => undefined, removeListener: () => undefined },
        };
      }
      return original.call(this, request, ...rest);
    };
    try {
      createRequire(import.meta.url)(out);
    } finally {
      moduleApi._load = original;
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('requires nothing but electron (it runs sandboxed)', () => {
    expect(required.filter((r) => !r.endsWith('preload.cjs'))).toEqual(['electron']);
  });

  it('exposes window.rtqa with exactly the contract calls', () => {
    expect(Object.keys(exposed)).toEqual(['rtqa']);
    const bridge = exposed.rtqa as { host: string; api: Record<string, unknown> };
    expect(bridge.host).toBe('electron');
    expect(Object.keys(bridge.api).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('refuses malformed and unknown calls inside the bundle, and sends valid ones', async () => {
    const bridge = exposed.rtqa as { call: (n: string, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
    expect((await bridge.call('nope', {})).error?.code).toBe('UNKNOWN_CALL');
    expect((await bridge.call('getAuditLog', { planId: '../1' })).error?.code).toBe('VALIDATION');
    expect(sent).toEqual([]);
    expect((await bridge.call('listTrials', {})).ok).toBe(true);
    expect(sent).toEqual([[IPC_CALL_CHANNEL, 'listTrials', {}]]);
  });
});
