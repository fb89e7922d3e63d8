import { ALIAS_INDEX } from './aliasIndex';
import { damerauLevenshtein } from './damerauLevenshtein';
import type { NameMatch } from './nameMatchTypes';
import { normaliseStructureName, DERIVED_WORDS, slippedSideWord } from './normaliseStructureName';
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

/** The single adjacent transposition of `key` that is an alias, if exactly one organ is reachable that way. */
function transpositionMatch(key: string): { alias: string; concept: Tg263Concept } | null {
  const found = new Map<Tg263Concept, string>();
  for (let i = 0; i + 1 < key.length; i++) {
    if (key[i] === key[i + 1]) continue;
    const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
    const concept = ALIAS_INDEX.get(swapped);
    if (concept) found.set(concept, swapped);
  }
  if (found.size !== 1) return null;
  const [concept, alias] = [...found][0];
  return { alias, concept };
}

/**
 * Spelling correction. Automatic only when it cannot be a different organ:
 *  - keys of 5+ letters: the nearest alias (Damerau–Levenshtein) at distance ≤ 1 (≤ 2 for 10+ letters), and
 *    no alias of another organ equally near (a one-letter slip from organ B can only tie with organ A, never
 *    beat B, so ties are what must ask);
 *  - keys of 3–4 letters (SMG, lens): only a swap of two neighbouring letters that gives exactly one organ's
 *    alias, and no other organ within distance 1.
 * Keys with digits are never corrected ("Parotid_L_2" is not "Parotid_L"). Otherwise a suggestion (asks).
 */
function fuzzyMatch(key: string): { hit: ConceptHit; automatic: boolean } | { tiedWith: string[] } | null {
  if (key.length < 3 || /\d/.test(key)) return null;
  let best: { alias: string; concept: Tg263Concept; distance: number } | null = null;
  const distances: { concept: Tg263Concept; distance: number }[] = [];
  for (const [alias, concept] of ALIAS_INDEX) {
    if (alias.length < 3) continue;
    const distance = damerauLevenshtein(key, alias);
    distances.push({ concept, distance });
    if (!best || distance < best.distance) best = { alias, concept, distance };
  }
  if (!best) return null;
  const nearest = best;
  const tie = distances.some((d) => d.concept !== nearest.concept && d.distance <= nearest.distance);
  const score = 1 - nearest.distance / Math.max(key.length, nearest.alias.length);
  const hit = (alias: string, concept: Tg263Concept, distance: number, s: number) =>
    ({ concept, score: s, reason: `spelling corrected: "${key}" ≈ alias "${alias}" (distance ${distance})`, leftovers: [] });
  if (key.length < FUZZY_MIN_KEY_LENGTH) {
    const swap = transpositionMatch(key);
    const rival = swap && distances.some((d) => d.concept !== swap.concept && d.distance <= 1);
    return swap && !rival ? { hit: hit(swap.alias, swap.concept, 1, 1 - 1 / key.length), automatic: true } : null;
  }
  const allowed = key.length >= 10 ? 2 : 1;
  if (nearest.distance <= allowed && !tie) return { hit: hit(nearest.alias, nearest.concept, nearest.distance, score), automatic: true };
  if (score >= SUGGEST_SIMILARITY && !tie) return { hit: hit(nearest.alias, nearest.concept, nearest.distance, score), automatic: false };
  if (score >= SUGGEST_SIMILARITY) {
    return { tiedWith: [...new Set(distances.filter((d) => d.distance === nearest.distance).map((d) => d.concept.tg263))] };
  }
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

  let n = normaliseStructureName(written);
  if (n.laterality === null && n.tokens.length > 1 && !ALIAS_INDEX.has(n.key)) {
    // A slipped side word at either end ("Letf SMG"), unless that token is itself an organ word.
    for (const index of [0, n.tokens.length - 1]) {
      const token = n.tokens[index];
      const side = token.length >= 4 && !ALIAS_INDEX.has(token) ? slippedSideWord(token) : null;
      if (side) {
        const tokens = n.tokens.filter((_, i) => i !== index);
        n = { ...n, tokens, key: tokens.join(''), laterality: side };
        break;
      }
    }
  }
  if (n.derivedTokens.length > 0) {
    return result({ status: 'unmatched', reasons: [`derived/optimisation structure (${n.derivedTokens.join(', ')}): not the organ itself`] });
  }
  const reasons: string[] = [];
  let hit: ConceptHit | null = null;
  let automatic = true;
  const exact = ALIAS_INDEX.get(n.key);
  if (exact) hit = { concept: exact, score: 1, reason: `alias "${n.key}"`, leftovers: [] };
  // Order: exact alias, a safe spelling correction of the whole name, an alias inside the name (asks), a
  // spelling suggestion (asks).
  const fuzzy = hit ? null : fuzzyMatch(n.key);
  if (fuzzy && 'hit' in fuzzy && fuzzy.automatic) hit = fuzzy.hit;
  if (!hit) hit = findSubSpan(n.tokens);
  if (!hit && fuzzy && 'hit' in fuzzy) { hit = fuzzy.hit; automatic = false; }
  if (!hit && fuzzy && 'tiedWith' in fuzzy) {
    return result({ kind: 'organ', status: 'needs_confirmation', reasons: [`"${n.key}" is equally close to ${fuzzy.tiedWith.join(' and ')}: which one?`] });
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
