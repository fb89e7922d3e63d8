import type Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations';

/**
 * Bring the database to the newest schema. Each pending migration runs in its own IMMEDIATE
 * transaction with its schema_version row, so a crash leaves the database at a whole version.
 * Two processes migrating at once serialise on the write lock; the second finds nothing to do.
 * Returns the versions applied now.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      const done = db.prepare('SELECT 1 FROM schema_version WHERE version = ?').get(migration.version);
      if (done) return false;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  const newest = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  const known = migrations.at(-1)?.version ?? 0;
  if ((newest.v ?? 0) > known) {
    throw new Error(`the database has schema version ${newest.v}, newer than this program knows (${known}): update RTQA Review`);
  }
  return applied;
}
