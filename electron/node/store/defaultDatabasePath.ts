import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** File name of the review database inside the user data folder. */
export const DATABASE_FILE_NAME = 'rtqa.sqlite';

/**
 * The user data folder: $RTQA_DATA_DIR when set (tests, portable installs), else the platform's
 * per-user application data folder (the same one Electron's app.getPath('userData') would pick).
 */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RTQA_DATA_DIR) return env.RTQA_DATA_DIR;
  const home = homedir();
  switch (platform()) {
    case 'win32': return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'rtqa-review');
    case 'darwin': return join(home, 'Library', 'Application Support', 'rtqa-review');
    default: return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'rtqa-review');
  }
}

/** Default review database file, used when a command gets no --db. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataFolder(env), DATABASE_FILE_NAME);
}
