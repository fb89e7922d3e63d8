import type { ApiEventMessage, ApiHandlers, VolumeKind } from '../../common/api';

/**
 * What a host (Electron main, browser host) needs from the core: the contract's handlers, the raw bytes of
 * voxel volumes (never sent as JSON), and a stream of events. One instance per process, closed on exit.
 */
export interface CoreServices {
  readonly handlers: ApiHandlers;
  /**
   * Raw little-endian voxel bytes of a plan's volume, laid out as its descriptor in getPlanReview says
   * (CT Int16 HU, dose Float32 Gy, risk Float32 in [0, 1]); null when the plan has no such volume.
   */
  readVolume(planId: string, kind: VolumeKind): Promise<Uint8Array | null>;
  /** Subscribe to events; returns the unsubscribe function. */
  onEvent(listener: (message: ApiEventMessage) => void): () => void;
  close(): Promise<void>;
}
