import type { App } from 'electron';
import { isAppUrl } from './appOrigin';

/**
 * For every web contents the app ever creates: no navigation away from rtqa://app, no redirects elsewhere, no
 * new windows, no <webview>. Links to the outside world are simply inert (the app works offline).
 */
export function restrictWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
