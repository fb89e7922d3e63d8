import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreServices } from '../node/services/createCoreServices';
import { createBrowserHost, type BrowserHost } from './createBrowserHost';

export interface StartBrowserHostOptions {
  databasePath: string;
  port?: number;
  /** built renderer; default: build/renderer next to the bundled CLI (build/cli/rtqa.mjs) */
  rendererDir?: string;
}

/** Version from package.json two folders above the bundle (build/cli → repository root), for the About line. */
function appVersion(): string {
  try {
    const file = fileURLToPath(new URL('../../package.json', import.meta.url));
    return existsSync(file) ? String(JSON.parse(readFileSync(file, 'utf8')).version ?? '0.0.0') : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Core services + browser host in this process; closing the host closes the database too. */
export async function startBrowserHost(options: StartBrowserHostOptions): Promise<BrowserHost> {
  const services = createCoreServices({ databasePath: options.databasePath, host: 'browser', appVersion: appVersion() });
  const rendererDir = options.rendererDir ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', 'renderer');
  try {
    const host = await createBrowserHost({ services, rendererDir, port: options.port });
    return {
      ...host,
      async close() {
        await host.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
