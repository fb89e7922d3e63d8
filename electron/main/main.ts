import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL } from '../common/api';
import { createCoreServices } from '../node/services/createCoreServices';
import type { CoreServices } from '../node/services/coreServices';
import { DATABASE_FILE_NAME } from '../node/store/defaultDatabasePath';
import { applySessionSecurity } from './applySessionSecurity';
import { createMainWindow } from './createMainWindow';
import { registerIpcHandlers } from './registerIpcHandlers';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './registerAppProtocol';
import { resolveBuildPaths } from './resolveBuildPaths';
import { restrictWebContents } from './restrictWebContents';

/*
 * Electron main: app and window lifecycle only. Bundled by scripts/build.mjs to build/electron/main.cjs;
 * the preload sits next to it (build/electron/preload.cjs) and the renderer in build/renderer.
 * Security: sandbox for every renderer, one origin (rtqa://app), strict CSP, no remote requests, no navigation,
 * no new windows, no permissions, and IPC answered only for our own top frame (see the imported modules).
 */
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
restrictWebContents(app);

// one instance per user: a second launch focuses the first instead of opening the database twice
if (!app.requestSingleInstanceLock()) app.quit();

let services: CoreServices | null = null;

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.whenReady().then(() => {
  const paths = resolveBuildPaths(__dirname);
  // one user data folder for everything the node/ modules keep (database, demo trial): Electron's, unless set
  process.env.RTQA_DATA_DIR ??= app.getPath('userData');
  const core = createCoreServices({
    databasePath: join(process.env.RTQA_DATA_DIR, DATABASE_FILE_NAME),
    host: 'electron',
    appVersion: app.getVersion(),
    batchWorkerScript: paths.batchWorker,
    chooseFolder: async (title) => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = { title: title ?? 'Choose a folder of DICOM RT files', properties: ['openDirectory' as const] };
      const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : chosen.filePaths[0] ?? null;
    },
  });
  services = core;
  applySessionSecurity(session.defaultSession);
  registerAppProtocol(session.defaultSession.protocol, paths.rendererDir, core);
  registerIpcHandlers(ipcMain, core);
  core.onEvent((message) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, message);
  });
  createMainWindow(paths.preload);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths.preload);
  });
}).catch((error: unknown) => {
  console.error('RTQA Review could not start:', error);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void services?.close();
  services = null;
});
