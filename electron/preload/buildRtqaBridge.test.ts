import { describe, expect, it } from 'vitest';
import { CALL_NAMES, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../common/api';
import { buildRtqaBridge, type IpcRendererLike } from './buildRtqaBridge';

/** An ipcRenderer-like recorder: what the bridge would have sent to Electron's main process. */
function recordingIpc(answer: unknown = { ok: true, data: { trials: [] } }) {
  const sent: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => { sent.push(args); return answer; },
    on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel)!.add(listener); },
    removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
  };
  const emit = (message: unknown) => { for (const l of listeners.get(IPC_EVENT_CHANNEL) ?? []) l({ sender: 'ipc-event' }, message); };
  return { ipc, sent, emit, listeners };
}

describe('preload bridge', () => {
  it('exposes exactly the contract calls, frozen', () => {
    const bridge = buildRtqaBridge(recordingIpc().ipc);
    expect(Object.keys(bridge.api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(bridge).sort()).toEqual(['api', 'call', 'host', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('sends a valid call on the one call channel with the parsed input', async () => {
    const { ipc, sent } = recordingIpc();
    const result = await buildRtqaBridge(ipc).api.getWorklist({ search: 'P-007' });
    expect(result).toEqual({ ok: true, data: { trials: [] } });
    expect(sent).toEqual([[IPC_CALL_CHANNEL, 'getWorklist', { search: 'P-007' }]]);
  });

  it('refuses unknown calls before sending anything', async () => {
    const { ipc, sent } = recordingIpc();
    const bridge = buildRtqaBridge(ipc);
    for (const name of ['openExternal', 'constructor', '__proto__', '']) {
      const result = await bridge.call(name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_CALL');
    }
    expect(sent).toEqual([]);
  });

  it('refuses malformed calls before sending, naming the field', async () => {
    const { ipc, sent } = recordingIpc();
    const bridge = buildRtqaBridge(ipc);
    const cases: Array<[string, unknown, string]> = [
      ['getPlanReview', { planId: 42 }, 'planId'],
      ['getPlanReview', { planId: '1', sql: 'DROP TABLE plans' }, ''],
      ['saveReview', { planId: '1', reviewer: ' ', overallGrade: 'major', findings: [] }, 'reviewer'],
      ['saveReview', { planId: '1', reviewer: 'A', overallGrade: 'major', findings: [{ findingId: '2', decision: 'override' }] }, 'findings.0.reason'],
      ['importFolder', { path: '/data' }, 'jobId'],
      ['getWorklist', { grades: ['terrible'] }, 'grades.0'],
    ];
    for (const [name, input, field] of cases) {
      const result = await bridge.call(name, input);
      expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.issues?.map((i) => i.path)).toContain(field);
      }
    }
    expect(sent).toEqual([]);
  });

  it('refuses an answer from main that is not an envelope', async () => {
    const result = await buildRtqaBridge(recordingIpc('surprise').ipc).api.listTrials({});
    expect(!result.ok && result.error.code).toBe('INTERNAL');
  });

  it('relays only the subscribed, well-formed events, without Electron\'s event object, and unsubscribes', () => {
    const { ipc, emit, listeners } = recordingIpc();
    const bridge = buildRtqaBridge(ipc);
    const got: unknown[][] = [];
    const off = bridge.on('importProgress', (...args) => got.push(args));
    emit({ name: 'importProgress', payload: { jobId: 'job1', phase: 'scan', done: 1, total: 4 } });
    emit({ name: 'worklistChanged', payload: { trialId: null } });
    emit({ name: 'importProgress', payload: { jobId: 'job1', phase: 'scan', done: -1, total: 4 } });
    expect(got).toEqual([[{ jobId: 'job1', phase: 'scan', done: 1, total: 4 }]]);
    off();
    expect(listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
    expect(() => bridge.on('ipc-message' as never, () => undefined)).toThrow(/unknown event/);
  });
});
