import type { ApiResult } from '../../electron/common/api/apiEnvelope';
import type { CallInput, CallName, CallOutput } from '../../electron/common/api/contract';
import { createApiClient } from '../../electron/common/api/createApiClient';
import type { ApiEventMessage, EventName, EventPayload } from '../../electron/common/api/eventSchemas';
import type { RtqaBridge } from '../../electron/common/api/rtqaBridge';

declare global {
  interface Window { rtqa?: RtqaBridge }
}

/** An API call that answered with an error envelope; `message` is written for the user. */
export class ApiRequestError extends Error {
  constructor(readonly code: string, message: string, readonly issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * Headers that prove the browser host's per-launch secret. The host moves the token from the printed URL
 * (`/?token=…`) into an HttpOnly cookie on the first page load, which same-origin requests carry by themselves;
 * a token still in the URL (a page opened some other way) is sent as the header as well.
 */
function tokenHeaders(): Record<string, string> {
  const token = new URLSearchParams(window.location.search).get('token');
  return token ? { 'x-rtqa-token': token } : {};
}

async function httpTransport(name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`./api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...tokenHeaders() },
    credentials: 'same-origin',
    body: JSON.stringify(input ?? {}),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The host answered HTTP ${response.status} without a result: ${text.slice(0, 200)}` } };
  }
}

// validated before sending, envelope checked on return (the contract's own client)
const httpClient = createApiClient(httpTransport);

/** Calls one contract function on whichever host the page runs in; answers the envelope, never throws. */
export function callApi<N extends CallName>(name: N, input: CallInput<N>): Promise<ApiResult<CallOutput<N>>> {
  const result = window.rtqa ? window.rtqa.call(name, input) : httpClient.call(name, input);
  return result as Promise<ApiResult<CallOutput<N>>>;
}

/** Like callApi but returns the data and throws ApiRequestError for an error envelope (for loaders). */
export async function requestApi<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await callApi(name, input);
  if (!result.ok) throw new ApiRequestError(result.error.code, result.error.message, result.error.issues);
  return result.data;
}

/**
 * Raw voxel bytes of a volume (`/voxels/<planId>/<kind>`): from the rtqa:// protocol in Electron (same
 * relative path), over HTTP with the token in the browser host. Checks the length against the descriptor.
 */
export async function fetchVoxels(path: string, expectedBytes: number, signal?: AbortSignal): Promise<ArrayBuffer> {
  const relative = `.${path}`;
  const response = await fetch(relative, { headers: window.rtqa ? {} : tokenHeaders(), credentials: 'same-origin', signal });
  if (!response.ok) throw new ApiRequestError('NOT_FOUND', `Voxel data ${path} could not be loaded (HTTP ${response.status}).`);
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength !== expectedBytes) {
    throw new ApiRequestError('INTERNAL', `Voxel data ${path} has ${buffer.byteLength} bytes, expected ${expectedBytes}.`);
  }
  return buffer;
}

type Listener = (message: ApiEventMessage) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/** Subscribes to one event kind of the core (import progress, worklist changes). */
export function onApiEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (window.rtqa) return window.rtqa.on(name, listener);
  const wrapped: Listener = (message) => { if (message.name === name) listener(message.payload as EventPayload<E>); };
  listeners.add(wrapped);
  if (!source) {
    source = new EventSource('./api/events', { withCredentials: true });
    source.onmessage = (event) => {
      try {
        const message = JSON.parse(event.data) as ApiEventMessage;
        listeners.forEach((l) => l(message));
      } catch { /* a malformed event is dropped; the next worklist load corrects the view */ }
    };
  }
  return () => {
    listeners.delete(wrapped);
    if (listeners.size === 0 && source) { source.close(); source = null; }
  };
}
