import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';

/** A person's confirmation that a centre's written structure name means a TG-263 name. */
export interface ConfirmedMapping {
  writtenName: string;
  tg263Name: string;
  confirmedBy: string;
  confirmedAt: string;
}

/** Confirm (or re-confirm with a new target) a centre's name mapping; audited with the previous value. */
export function confirmMapping(w: Writer, centreId: number, writtenName: string, tg263Name: string, confirmedBy: string): ConfirmedMapping {
  const before = w.db.prepare('SELECT tg263_name AS tg263Name, confirmed_by AS confirmedBy, confirmed_at AS confirmedAt FROM name_mappings WHERE centre_id = ? AND written_name = ?')
    .get(centreId, writtenName) as Omit<ConfirmedMapping, 'writtenName'> | undefined;
  const mapping: ConfirmedMapping = { writtenName, tg263Name, confirmedBy, confirmedAt: new Date().toISOString() };
  w.db.prepare(`INSERT INTO name_mappings (centre_id, written_name, tg263_name, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (centre_id, written_name) DO UPDATE SET tg263_name = excluded.tg263_name, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`)
    .run(centreId, writtenName, tg263Name, confirmedBy, mapping.confirmedAt);
  appendAudit(w.db, { actor: w.actor, action: before ? 'name_mapping.update' : 'name_mapping.confirm', entity: 'name_mapping', entityId: `${centreId}:${writtenName}`, before: before ?? null, after: mapping });
  return mapping;
}

/** The centre's confirmed mappings, written name → TG-263 name (reused by the harmoniser). */
export function listConfirmedMappings(db: Db, centreId: number): ConfirmedMapping[] {
  return db.prepare(`SELECT written_name AS writtenName, tg263_name AS tg263Name, confirmed_by AS confirmedBy, confirmed_at AS confirmedAt
    FROM name_mappings WHERE centre_id = ? ORDER BY written_name`).all(centreId) as ConfirmedMapping[];
}

/** Confirmed mappings by centre name within a trial (used before the centre row exists for a new import). */
export function confirmedMappingsByCentreName(db: Db, trial: string, centre: string): Map<string, string> {
  const rows = db.prepare(`SELECT m.written_name AS w, m.tg263_name AS t FROM name_mappings m JOIN centres c ON c.id = m.centre_id
    JOIN trials tr ON tr.id = c.trial_id WHERE tr.name = ? AND c.name = ?`).all(trial, centre) as { w: string; t: string }[];
  return new Map(rows.map((r) => [r.w, r.t]));
}
