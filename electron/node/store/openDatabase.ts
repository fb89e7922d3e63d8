import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultDatabasePath } from './defaultDatabasePath';
import { migrate } from './migrate';
import { toStoreError } from './storeError';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** how long a write waits for another process's write lock before giving up, ms */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Open (creating when absent) the review database and bring it to the newest schema.
 * WAL lets readers work during a batch's writes; foreign keys are ON (SQLite's default is OFF);
 * busy_timeout makes a second CLI process on the same file wait instead of failing.
 * synchronous=NORMAL in WAL mode keeps every committed transaction across a process crash
 * (only a power cut may lose the last ones, never corrupt the file).
 */
export function openDatabase(file: string = defaultDatabasePath(), options: OpenDatabaseOptions = {}): Db {
  try {
    if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma(`busy_timeout = ${Math.round(options.busyTimeoutMs ?? 30_000)}`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    throw toStoreError(error, `opening the database ${file}`);
  }
}

/**
 * Run `work` in one IMMEDIATE write transaction: it takes the write lock at BEGIN (waiting up to
 * busy_timeout), so two processes never deadlock upgrading a read to a write. All or nothing.
 */
export function writeTransaction<T>(db: Db, doing: string, work: () => T): T {
  try {
    return db.transaction(work).immediate();
  } catch (error) {
    throw toStoreError(error, doing);
  }
}
