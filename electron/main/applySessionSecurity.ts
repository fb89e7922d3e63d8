import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/security/contentSecurityPolicy';
import { isAllowedRequestUrl } from './appOrigin';

/**
 * Session-wide rules for the app's window:
 * - every response carries the strict CSP (the page's <meta> repeats it, the header is what counts);
 * - any request that is not to our own rtqa:// origin (or blob:/data:) is cancelled: no remote content;
 * - every permission (camera, geolocation, notifications, clipboard …) is denied; a review tool needs none.
 */
export function applySessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
