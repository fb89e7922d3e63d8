import {
  apiEvents, createApiClient, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, isEventName,
  type EventName, type EventPayload, type RtqaBridge,
} from '../common/api';

/** The two ipcRenderer methods the bridge uses (injected, so the bridge is testable without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The object the preload exposes as `window.rtqa`: exactly the contract's calls (the allow-list is the
 * contract's keys), each validated here before anything is sent, and the contract's events. The page never
 * gets ipcRenderer, a channel name of its choice, or Electron's event object.
 */
export function buildRtqaBridge(ipc: IpcRendererLike): RtqaBridge {
  const client = createApiClient((name, input) => ipc.invoke(IPC_CALL_CHANNEL, name, input));
  const { call, ...api } = client;

  function on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventName(name)) throw new Error(`unknown event "${String(name).slice(0, 80)}"`);
    if (typeof listener !== 'function') throw new Error('an event listener must be a function');
    const relay = (_event: unknown, message: unknown) => {
      const { name: got, payload } = (message ?? {}) as { name?: unknown; payload?: unknown };
      if (got !== name) return;
      const parsed = apiEvents[name].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    };
    ipc.on(IPC_EVENT_CHANNEL, relay);
    return () => { ipc.removeListener(IPC_EVENT_CHANNEL, relay); };
  }

  return Object.freeze({ host: 'electron' as const, api: Object.freeze(api) as RtqaBridge['api'], call, on });
}
