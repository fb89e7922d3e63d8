/**
 * The app's one origin in Electron: the renderer and its voxel data are served by the `rtqa` protocol handler
 * from `rtqa://app/…`. `rtqa://voxels/<planId>/<kind>` is accepted too, as an alias of
 * `rtqa://app/voxels/<planId>/<kind>`. Pure (no electron import) so the checks are testable anywhere.
 */
export const APP_SCHEME = 'rtqa';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own page (scheme rtqa, host app): the only senders IPC answers. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Requests the app's session lets through: its own scheme, in-memory data (blob:, data:) and devtools.
 * Everything else — http(s), file, ftp, ws — is blocked: no remote content, no local files behind our back.
 */
export function isAllowedRequestUrl(url: string): boolean {
  return /^(rtqa|blob|data|devtools):/i.test(url);
}

/** What the protocol handler serves for a rtqa:// URL: a renderer asset, a voxel path, or nothing. */
export function routeAppUrl(url: string): { kind: 'asset'; path: string } | { kind: 'voxels'; path: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return null;
  if (parsed.host === 'voxels') return { kind: 'voxels', path: `/voxels${parsed.pathname}` };
  if (parsed.host !== APP_HOST) return null;
  return parsed.pathname.startsWith('/voxels/') ? { kind: 'voxels', path: parsed.pathname } : { kind: 'asset', path: parsed.pathname };
}
