import { ALIAS_INDEX } from './aliasIndex';
import { damerauLevenshtein } from './damerauLevenshtein';
import type { NameMatch } from './nameMatchTypes';
import { normaliseStructureName, DERIVED_WORDS } from './normaliseStructureName';
import { parseTargetName } from './parseTargetName';
import type { Tg263Concept } from './tg263Aliases';

/** Shortest alias key that spelling correction may match; shorter keys (BS, SMG, PCM) must be exact. */
const FUZZY_MIN_KEY_LENGTH = 5;
/** Similarity (1 − distance/length) above which a non-unique or distant spelling is offered for confirmation. */
const SUGGEST_SIMILARITY = 0.75;

type ConceptHit = { concept: Tg263Concept; score: number; reason: string; leftovers: string[] };

/** Longest contiguous run of tokens that is an alias: "Parotid_L_2" → Parotid with leftover "2". */
function findSubSpan(tokens: readonly string[]): ConceptHit | null {
  for (let length = tokens.length - 1; length >= 1; length--) {
    for (let start = 0; start + length <= tokens.length; start++) {
      const concept = ALIAS_INDEX.get(tokens.slice(start, start + length).join(''));
      if (concept && tokens.slice(start, start + length).join('').length >= 3) {
        return { concept, score: 1, reason: `alias found inside the name`, leftovers: [...tokens.slice(0, start), ...tokens.slice(start + length)] };
      }
    }
  }
  return null;
}

/**
 * Spelling correction: the alias at the smallest Damerau–Levenshtein distance, accepted automatically only
 * when the distance is ≤ 1 (≤ 2 for keys of 10+ characters) and no alias of another organ is as close or
 * one edit further. Otherwise a suggestion for confirmation, or nothing.
 */
function fuzzyMatch(key: string): { hit: ConceptHit; automatic: boolean } | null {
  if (key.length < FUZZY_MIN_KEY_LENGTH) return null;
  let best: { alias: string; concept: Tg263Concept; distance: number } | null = null;
  const distances: { concept: Tg263Concept; distance: number }[] = [];
  for (const [alias, concept] of ALIAS_INDEX) {
    if (alias.length < FUZZY_MIN_KEY_LENGTH) continue;
    const distance = damerauLevenshtein(key, alias);
    distances.push({ concept, distance });
    if (!best || distance < best.distance) best = { alias, concept, distance };
  }
  if (!best) return null;
  const score = 1 - best.distance / Math.max(key.length, best.alias.length);
  const allowed = key.length >= 10 ? 2 : 1;
  const rival = distances.some((d) => d.concept !== best.concept && d.distance <= best.distance + 1);
  const hit = { concept: best.concept, score, reason: `spelling corrected: "${key}" ≈ alias "${best.alias}" (distance ${best.distance})`, leftovers: [] };
  if (best.distance <= allowed && !rival) return { hit, automatic: true };
  if (score >= SUGGEST_SIMILARITY && !distances.some((d) => d.concept !== best.concept && d.distance === best.distance)) return { hit, automatic: false };
  return null;
}

const pad2 = (mm: number) => String(mm).padStart(2, '0');

/**
 * Name-only match of one written structure name to TG-263 (no geometry; see harmoniseStructureNames).
 * Never guesses: anything not read without doubt is `needs_confirmation` (with a suggestion when there is
 * exactly one) or `unmatched`.
 */
export function matchStructureName(written: string): NameMatch {
  const result = (fields: Partial<NameMatch> & Pick<NameMatch, 'status' | 'reasons'>): NameMatch =>
    ({ written, tg263: null, score: 0, kind: 'other', targetDoseGy: null, ...fields });

  // TG-263: a leading z marks an optimisation-only structure.
  if (/^\s*z(?:[A-Z_\d]|ptv|ctv|gtv)/.test(written)) return result({ status: 'unmatched', reasons: ['optimisation structure (z prefix, TG-263): not graded'] });

  const target = parseTargetName(written);
  if (target) {
    const base = { kind: 'target' as const, targetDoseGy: target.doseGy };
    if (target.extras.some((t) => DERIVED_WORDS.has(t.toLowerCase()) || /\d\s*(mm|cm)/i.test(t) || /[-+]/.test(t))) {
      return result({ ...base, status: 'unmatched', reasons: [`derived target structure (${target.extras.join(' ')}): not the target itself`] });
    }
    if (target.extras.length > 0) return result({ ...base, tg263: target.canonical, score: 0.5, status: 'needs_confirmation', reasons: [`target with extra words (${target.extras.join(' ')})`] });
    if (target.doubt) return result({ ...base, tg263: null, score: 0.5, status: 'needs_confirmation', reasons: [target.doubt] });
    return result({ ...base, tg263: target.canonical, score: 1, status: 'matched', reasons: [`target ${target.canonical}${target.doseGy !== null ? ` (${target.doseGy} Gy)` : ''}`] });
  }

  const n = normaliseStructureName(written);
  if (n.derivedTokens.length > 0) {
    return result({ status: 'unmatched', reasons: [`derived/optimisation structure (${n.derivedTokens.join(', ')}): not the organ itself`] });
  }
  const reasons: string[] = [];
  let hit: ConceptHit | null = null;
  let automatic = true;
  const exact = ALIAS_INDEX.get(n.key);
  if (exact) hit = { concept: exact, score: 1, reason: `alias "${n.key}"`, leftovers: [] };
  if (!hit) hit = findSubSpan(n.tokens);
  if (!hit) {
    const fuzzy = fuzzyMatch(n.key);
    if (fuzzy) { hit = fuzzy.hit; automatic = fuzzy.automatic; }
  }
  if (!hit) return result({ status: 'unmatched', reasons: [n.key ? `no TG-263 alias for "${n.key}"` : 'no organ words in the name'] });
  reasons.push(hit.reason);

  const { concept } = hit;
  let doubt = !automatic;
  if (!automatic) reasons.push('spelling too far from the alias, or another organ is almost as close');
  if (hit.leftovers.length > 0) { doubt = true; reasons.push(`extra words: ${hit.leftovers.join(' ')}`); }
  let name: string | null = concept.tg263;
  if (n.isPrv) {
    if (n.prvMarginMm === null || !Number.isInteger(n.prvMarginMm) || n.prvMarginMm <= 0 || n.prvMarginMm > 20) {
      doubt = true; name = null; reasons.push('PRV without a readable whole-mm margin');
    } else { name = `${name}_PRV${pad2(n.prvMarginMm)}`; reasons.push(`PRV margin ${n.prvMarginMm} mm`); }
  }
  if (n.laterality === 'conflict') { doubt = true; name = null; reasons.push('both left and right in the name'); }
  else if (concept.paired && n.laterality === null) { doubt = true; name = null; reasons.push(`${concept.tg263} is paired but the name has no side`); }
  else if (!concept.paired && n.laterality !== null) { doubt = true; reasons.push(`side ${n.laterality} on an unpaired organ`); }
  else if (concept.paired && name !== null) { name = `${name}_${n.laterality}`; reasons.push(`side ${n.laterality === 'L' ? 'left' : 'right'}`); }
  return result({ kind: 'organ', tg263: name, score: hit.score, status: doubt ? 'needs_confirmation' : 'matched', reasons });
}
