import type { ApiRadiation } from '../../common/api';

/** Stored RadiationType (PHOTON, PROTON, ION, ELECTRON …) → the API's lower-case word. */
export function radiationOf(stored: string | null): ApiRadiation {
  switch ((stored ?? '').toUpperCase()) {
    case 'PHOTON': return 'photon';
    case 'PROTON': return 'proton';
    case 'ION': return 'ion';
    case 'ELECTRON': return 'electron';
    default: return 'unknown';
  }
}
