import { auditRowHash, GENESIS_HASH, type AuditRow } from './auditLog';
import type { Db } from './openDatabase';

export interface AuditProblem {
  /** the row where the chain breaks (for a deleted row: the id that is missing) */
  rowId: number;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  problems: AuditProblem[];
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Recompute the audit chain from the first row. Finds: an edited row (its content no longer gives
 * its hash), a deleted row (a gap in the ids, and the next row's prev_hash pointing at nothing),
 * rows deleted at the end (sqlite_sequence remembers a higher id than the last row).
 * Reads in one pass with an iterator, so a long log does not sit in memory.
 */
export function verifyAuditChain(db: Db): AuditVerification {
  const problems: AuditProblem[] = [];
  let previous: AuditRow | null = null;
  let rowsChecked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rowsChecked += 1;
    const expectedId = (previous?.id ?? 0) + 1;
    if (row.id !== expectedId) {
      const missing = row.id - expectedId;
      problems.push({ rowId: expectedId, problem: `${missing === 1 ? `row ${expectedId} is` : `rows ${expectedId}–${row.id - 1} are`} missing: ids jump from ${previous?.id ?? 0} to ${row.id} (deleted)` });
    }
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (row.prev_hash !== expectedPrev) {
      problems.push({ rowId: row.id, problem: `prev_hash ${short(row.prev_hash)} does not match the hash of the row before it (${previous ? `row ${previous.id}` : 'start of chain'}: ${short(expectedPrev)})` });
    }
    const recomputed = auditRowHash(row);
    if (recomputed !== row.hash) {
      problems.push({ rowId: row.id, problem: `content does not match its hash (stored ${short(row.hash)}, recomputed ${short(recomputed)}): the row (action ${row.action}, entity ${row.entity} ${row.entity_id ?? ''}) was changed after it was written` });
    }
    previous = row;
  }
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
  if (seq && seq.seq > (previous?.id ?? 0)) {
    problems.push({ rowId: (previous?.id ?? 0) + 1, problem: `rows ${(previous?.id ?? 0) + 1}–${seq.seq} at the end of the log are missing (deleted)` });
  }
  return { ok: problems.length === 0, rowsChecked, problems };
}
