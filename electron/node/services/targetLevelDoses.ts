import { loadProtocol } from '../batch/loadProtocol';
import type { Db } from '../store/openDatabase';

const cache = new Map<string, Map<string, number>>();

/**
 * Dose level (Gy) of each target role (PTV_High, PTV_Mid …) in the schedule a plan was evaluated under: a
 * `%Rx` limit refers to its own target's level, not to the plan's prescription (63 Gy for PTV_Mid in a
 * 70/63/56 Gy SIB). Empty when the evaluation's protocol file is not found (callers fall back to the
 * prescription).
 */
export function targetLevelDoses(db: Db, evaluationId: number | null): Map<string, number> {
  if (evaluationId === null) return new Map();
  const row = db.prepare('SELECT protocol_id, protocol_version, schedule_id FROM evaluations WHERE id = ?').get(evaluationId) as
    { protocol_id: string; protocol_version: string; schedule_id: string | null } | undefined;
  if (!row || row.schedule_id === null) return new Map();
  const key = `${row.protocol_id}-${row.protocol_version}/${row.schedule_id}`;
  if (!cache.has(key)) {
    const levels = new Map<string, number>();
    try {
      const { protocol } = loadProtocol(`${row.protocol_id}-${row.protocol_version}`);
      for (const level of protocol.schedules.find((s) => s.id === row.schedule_id)?.doseLevels ?? []) levels.set(level.target, level.doseGy);
    } catch {
      // protocol file not shipped here: the prescription stands in
    }
    cache.set(key, levels);
  }
  return cache.get(key)!;
}
