import { init, isCornerstoneInitialized } from '@cornerstonejs/core';

let started: Promise<void> | null = null;

/**
 * Starts cornerstone3d once per page. Volumes are created locally from arrays the host sends (no DICOM image
 * loader, no web workers), so the core alone is enough. Safe to call from every viewer.
 */
export function initImaging(): Promise<void> {
  if (!started) {
    started = (async () => {
      if (!isCornerstoneInitialized()) await init();
    })();
  }
  return started;
}
