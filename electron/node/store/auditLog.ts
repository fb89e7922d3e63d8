import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import type { Db } from './openDatabase';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** who made the change: the reviewer's name or the operating-system user running a batch */
  actor: string;
  /** what happened, e.g. plan.import, evaluation.create, review.create */
  action: string;
  /** the table or aggregate changed, e.g. plan, review */
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** sha256(previous hash + canonical JSON of the row's content), hex. The stored JSON texts are hashed as text. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson({
    id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity,
    entityId: row.entity_id, before: row.before_json, after: row.after_json,
  });
  return createHash('sha256').update(row.prev_hash).update(content).digest('hex');
}

/**
 * Append one audit row, chained to the previous one. Call it inside the write transaction of the
 * change it records, so the change and its trail commit or roll back together. The id is taken from
 * sqlite_sequence so that a deleted last row leaves a gap that verification sees.
 */
export function appendAudit(db: Db, entry: AuditEntry): number {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    id: (seq?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before_json: entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  db.prepare(`INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
    VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)`)
    .run({ ...row, hash: auditRowHash(row) });
  return row.id;
}
