/**
 * Database failures a person can act on. SQLite's own codes are turned into one sentence that says
 * what happened and what state the data is in (a failed write transaction always rolls back whole).
 */
export class StoreError extends Error {
  constructor(message: string, readonly code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The SQLite result code of an error from better-sqlite3, e.g. SQLITE_FULL, or null. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Wrap a better-sqlite3 error as a StoreError with a clear message; other errors pass through. */
export function toStoreError(error: unknown, doing: string): unknown {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (!code) return error;
  const detail = (error as Error).message;
  if (code === 'SQLITE_FULL') {
    return new StoreError(`the disk is full (or the database reached its size limit) while ${doing}: `
      + 'this step was rolled back, nothing of it was written, earlier data is intact. Free space and run again.', code, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(`the database stayed locked by another process while ${doing}: this step was rolled back; run again when the other process is done (${detail})`, code, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new StoreError(`cannot write the database while ${doing}: ${detail} (check the file's folder and permissions)`, code, { cause: error });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError(`the database file is damaged or not a database while ${doing}: ${detail}`, code, { cause: error });
  }
  return new StoreError(`database error while ${doing}: ${detail}`, code, { cause: error });
}
