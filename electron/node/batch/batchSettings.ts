import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import type { Db } from '../store/openDatabase';
import { COMBINED_ENGINE_VERSION } from './analyseBundle';
import type { BatchWorkerSettings } from './batchJob';

/**
 * What the workers need to know from the database before a run: which plan contents are done
 * (evaluated under this protocol version and engine version; for an import: stored at all) and the
 * trial's confirmed structure-name mappings per centre.
 */
export function batchSettings(db: Db, trial: string, protocol: Protocol | null, measure: boolean): BatchWorkerSettings {
  const done = protocol
    ? db.prepare(`SELECT DISTINCT p.content_key AS k FROM plans p JOIN evaluations e ON e.plan_id = p.id
        WHERE e.protocol_id = ? AND e.protocol_version = ? AND e.engine_version = ?`).all(protocol.id, protocol.version, COMBINED_ENGINE_VERSION)
    : db.prepare('SELECT content_key AS k FROM plans').all();
  const mappings = db.prepare(`SELECT c.name AS centre, m.written_name AS w, m.tg263_name AS t FROM name_mappings m
    JOIN centres c ON c.id = m.centre_id JOIN trials tr ON tr.id = c.trial_id WHERE tr.name = ?`).all(trial) as { centre: string; w: string; t: string }[];
  const confirmedMappings: Record<string, Record<string, string>> = {};
  for (const m of mappings) (confirmedMappings[m.centre] ??= {})[m.w] = m.t;
  return { trial, protocol, measure, confirmedMappings, doneContentKeys: (done as { k: string }[]).map((r) => r.k) };
}
