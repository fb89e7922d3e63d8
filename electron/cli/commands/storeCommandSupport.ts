import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { ProtocolError } from '../../common/domain/protocol/parseProtocolYaml';
import { defaultDatabasePath } from '../../node/store/defaultDatabasePath';
import { openDatabase, type Db } from '../../node/store/openDatabase';
import { StoreError } from '../../node/store/storeError';
import { ReviewRejected } from '../../node/store/repositories/reviewRepository';

/** Shared by the database commands (import, evaluate, batch, review, report, audit). */

export function addDbOption(command: Command): Command {
  return command.option('--db <file>', `review database file (default: ${defaultDatabasePath()}, or $RTQA_DATA_DIR/rtqa.sqlite)`);
}

/** Who the audit log records: an explicit name, else $RTQA_USER, else the operating-system user. */
export function actorName(explicit?: string): string {
  if (explicit?.trim()) return explicit.trim();
  if (process.env.RTQA_USER?.trim()) return process.env.RTQA_USER.trim();
  try { return userInfo().username; } catch { return 'unknown'; }
}

/** Open the database the options name, run `work`, always close it. */
export async function withDatabase<T>(options: { db?: string }, work: (db: Db, file: string) => T | Promise<T>): Promise<T> {
  const file = options.db ?? defaultDatabasePath();
  const db = openDatabase(file);
  try {
    return await work(db, file);
  } finally {
    db.close();
  }
}

/**
 * Print a failure a person can act on and set the exit code: errors we expect (bad protocol,
 * database full or locked, a refused review) without a stack; anything else with it under --debug.
 */
export function reportFailure(error: unknown, debug = process.argv.includes('--debug')): void {
  const known = error instanceof ProtocolError || error instanceof StoreError || error instanceof ReviewRejected || error instanceof UsageError;
  process.stderr.write(`rtqa: ${(error as Error)?.message ?? String(error)}\n`);
  if (debug && !known) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  process.exitCode = error instanceof UsageError ? 1 : 2;
}

/** Wrong arguments (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Wrap a command action so every failure goes through reportFailure. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      reportFailure(error);
    }
  };
}
