import type { ApiResult } from './apiEnvelope';
import type { ApiClient } from './contract';
import type { EventName, EventPayload } from './eventSchemas';

/**
 * What Electron's preload exposes as `window.rtqa` (and nothing more). In the browser host `window.rtqa` is
 * absent: the renderer then talks HTTP to `/api/<call>` and listens to `/api/events`.
 */
export interface RtqaBridge {
  readonly host: 'electron';
  /** one function per contract call; each answers an ApiResult envelope */
  readonly api: ApiClient;
  /** the same calls by name, for generic code; unknown names answer UNKNOWN_CALL without sending */
  call(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** subscribe to a contract event; returns the unsubscribe function. Unknown names throw. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Global name of the bridge on `window`. */
export const RTQA_BRIDGE_KEY = 'rtqa';
