import { parseTargetName } from '../naming/parseTargetName';
import type { EvaluationStructure } from './evaluationTypes';
import type { ProtocolSchedule } from './protocolSchema';

/** How a protocol structure name (TG-263 or target role) was found among the plan's structures. */
export type Resolution =
  | { readonly state: 'matched'; readonly structure: EvaluationStructure; readonly note: string | null }
  | { readonly state: 'unconfirmed'; readonly structure: EvaluationStructure }
  | { readonly state: 'ambiguous'; readonly candidates: readonly EvaluationStructure[] }
  | { readonly state: 'missing' };

/**
 * Finds the plan structure behind a protocol name. Organ names match the harmonised TG-263 name exactly.
 * A target role of the schedule (PTV_High …) matches, in order: a structure harmonised to the role
 * itself; else targets whose TG-263 dose code (PTV_7000 = 70 Gy) equals the level's dose within the
 * schedule's per-protocol prescription tolerance and whose type (PTV/CTV/GTV) is the role's prefix — when
 * several do (PTVp_7000 and PTVn_7000), the one without a sub-qualifier (PTV_7000) if unique, otherwise
 * ambiguous (never a guess). Only `matched` names resolve; `needs_confirmation` ones are reported as such.
 */
export function resolveStructure(
  protocolName: string, schedule: ProtocolSchedule, structures: readonly EvaluationStructure[],
): Resolution {
  const level = schedule.doseLevels.find((l) => l.target === protocolName);
  const pick = (status: 'matched' | 'needs_confirmation') => {
    const pool = structures.filter((s) => s.status === status && s.tg263 !== null);
    const exact = pool.filter((s) => s.tg263 === protocolName);
    if (exact.length > 0 || !level) return { list: exact, note: null as string | null };
    const roleType = protocolName.split('_')[0].toUpperCase();
    const tolGy = level.doseGy * schedule.prescriptionTolerancePercent.perProtocol / 100 + 1e-6;
    const atLevel = pool.filter((s) => {
      const t = parseTargetName(s.tg263 as string);
      return t !== null && t.type === roleType && t.doseGy !== null && Math.abs(t.doseGy - level.doseGy) <= tolGy;
    });
    if (atLevel.length <= 1) return { list: atLevel, note: atLevel.length ? `${atLevel[0].tg263} taken as ${protocolName} (${level.doseGy} Gy level)` : null };
    const plain = atLevel.filter((s) => parseTargetName(s.tg263 as string)?.qualifier === '');
    if (plain.length === 1) {
      return { list: plain, note: `${plain[0].tg263} taken as ${protocolName}; other targets at ${level.doseGy} Gy: ${atLevel.filter((s) => s !== plain[0]).map((s) => s.tg263).join(', ')}` };
    }
    return { list: atLevel, note: null };
  };
  const matched = pick('matched');
  if (matched.list.length === 1) return { state: 'matched', structure: matched.list[0], note: matched.note };
  if (matched.list.length > 1) return { state: 'ambiguous', candidates: matched.list };
  const unconfirmed = pick('needs_confirmation');
  if (unconfirmed.list.length === 1) return { state: 'unconfirmed', structure: unconfirmed.list[0] };
  if (unconfirmed.list.length > 1) return { state: 'ambiguous', candidates: unconfirmed.list };
  return { state: 'missing' };
}
