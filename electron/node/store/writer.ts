import type { Db } from './openDatabase';

/** What every repository write needs: the connection (inside a write transaction) and who acts. */
export interface Writer {
  readonly db: Db;
  /** recorded in the audit log as the author of each change */
  readonly actor: string;
}
