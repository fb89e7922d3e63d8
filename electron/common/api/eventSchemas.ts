import { z } from 'zod';
import { importProgressEvent } from './importSchemas';
import { idSchema } from './vocabularySchemas';

/**
 * Events the core pushes to the renderer: over IPC (`rtqa:event`) in Electron, as Server-Sent Events from
 * `GET /api/events` in the browser host. Each is `{ name, payload }` with the payload below.
 */
export const apiEvents = {
  /** progress of importFolder / ensureDemoTrial, matched by jobId */
  importProgress: importProgressEvent,
  /** plans were added, evaluated or reviewed: the worklist should reload */
  worklistChanged: z.object({ trialId: idSchema.nullable() }),
} as const;

export type ApiEvents = typeof apiEvents;
export type EventName = keyof ApiEvents;
export type EventPayload<E extends EventName> = z.output<ApiEvents[E]>;
export const EVENT_NAMES = Object.keys(apiEvents) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiEvents, name);
}

/** The one envelope events travel in. */
export interface ApiEventMessage<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

/** IPC channel names (Electron): one for calls, one for events. Nothing else is ever sent or listened to. */
export const IPC_CALL_CHANNEL = 'rtqa:call';
export const IPC_EVENT_CHANNEL = 'rtqa:event';
