import { damerauLevenshtein } from './damerauLevenshtein';

/**
 * A structure name taken apart: laterality, PRV margin and the organ words, language- and
 * separator-independent. Patient laterality words in English, French, Dutch, German, Latin/Italian.
 */
export interface NormalisedName {
  /** organ tokens: lowercase ASCII, noise words removed, in written order */
  readonly tokens: readonly string[];
  /** tokens joined without separators: the alias-table key */
  readonly key: string;
  /** 'conflict' when both sides are named */
  readonly laterality: 'L' | 'R' | 'conflict' | null;
  /** a PRV was asked for (PRV, +5, 5mm exp, expanded …) */
  readonly isPrv: boolean;
  /** PRV margin, mm; null when none or unreadable */
  readonly prvMarginMm: number | null;
  /** tokens that mark a derived/optimisation structure (opt, ring, avoid, crop, minus …) */
  readonly derivedTokens: readonly string[];
}

/** Full words may stand anywhere; short forms count only as the first or last token (L_Parotid, parotis_li). */
const LEFT_WORDS = new Set(['left', 'links', 'linke', 'linker', 'linkes', 'gauche', 'sinistra', 'sinister', 'izquierdo']);
const RIGHT_WORDS = new Set(['right', 'rechts', 'rechte', 'rechter', 'rechtes', 'droite', 'droit', 'destra', 'dexter', 'derecho']);
const LEFT_SHORT = new Set(['l', 'lt', 'lft', 'li', 'g', 'sin', 'sx', 'izq']);
const RIGHT_SHORT = new Set(['r', 'rt', 'rgt', 're', 'd', 'dx', 'dex', 'der']);

/** Words that carry no organ meaning ("OAR Larynx", "Parotid Gland", "glande parotide", "Mandible_Bone"). */
const NOISE = new Set(['oar', 'organ', 'gland', 'glands', 'glnd', 'glande', 'glandes', 'glandula', 'klier', 'muscle', 'muscles', 'muskel',
  'gl', 'bone', 'the', 'of', 'de', 'du', 'la', 'le', 'des', 'het', 'van', 'mm', 'cm']);
const PRV_WORDS = new Set(['prv', 'exp', 'expanded', 'expansion', 'expand', 'plus', 'marge', 'margin', 'marges']);
/** Marks of structures made for optimisation or evaluation, never the organ itself. */
export const DERIVED_WORDS = new Set(['opt', 'optim', 'optimization', 'optimisation', 'avoid', 'avoidance', 'ring', 'crop', 'cropped', 'minus',
  'sub', 'help', 'hlp', 'helper', 'dummy', 'eval', 'ptv', 'ctv', 'gtv', 'overlap', 'ol', 'not', 'excl', 'exclude', 'ex', 'nt', 'hot', 'cold',
  'dose', 'block', 'temp', 'tmp', 'ohne', 'sans', 'zonder', 'planning', 'shell', 'old', 'new']);

/**
 * 'L'/'R' when `token` is one Damerau–Levenshtein edit from exactly one side's full word (≥ 4 letters):
 * "Letf SMG", "Rigth SMG". The matcher tries it only on a side-less name whose end token is not an organ word.
 */
export function slippedSideWord(token: string): 'L' | 'R' | null {
  if (LEFT_WORDS.has(token) || RIGHT_WORDS.has(token)) return null;
  const near = (words: Set<string>) => [...words].some((w) => w.length >= 4 && damerauLevenshtein(token, w) === 1);
  const l = near(LEFT_WORDS);
  const r = near(RIGHT_WORDS);
  return l && !r ? 'L' : r && !l ? 'R' : null;
}

/** Lowercase ASCII: strips accents (é → e, ü → u), ß → ss, œ → oe, æ → ae. */
export function foldToAscii(text: string): string {
  return text.replace(/ß/g, 'ss').replace(/œ/g, 'oe').replace(/Œ/g, 'Oe').replace(/æ/g, 'ae').replace(/Æ/g, 'Ae')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function normaliseStructureName(written: string): NormalisedName {
  let text = foldToAscii(written);
  let prvMarginMm: number | null = null;
  let isPrv = false;
  // "Cord+5", "BS+3mm", "Cord+0.5cm": a plus and a number is a PRV margin (mm unless cm is written).
  text = text.replace(/\+\s*(\d+(?:[.,]\d+)?)\s*(mm|cm)?/gi, (_m, n: string, unit?: string) => {
    isPrv = true;
    prvMarginMm = Number(n.replace(',', '.')) * (unit?.toLowerCase() === 'cm' ? 10 : 1);
    return ' ';
  });
  // A minus and a number is a crop ("Parotid_L-5mm"): a derived structure.
  const cropped = /-\s*\d+(?:[.,]\d+)?\s*(mm|cm)\b/i.test(text);
  text = text.replace(/prv/gi, ' prv ');
  // "5mm", "0.5 cm": a margin written with its unit.
  text = text.replace(/(\d+(?:[.,]\d+)?)\s*(mm|cm)(?![a-z])/gi, (_m, n: string, unit: string) => {
    if (!cropped) prvMarginMm = Number(n.replace(',', '.')) * (unit.toLowerCase() === 'cm' ? 10 : 1);
    return ' mm ';
  });
  text = text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z]{2,})/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2').replace(/(\d)([A-Za-z])/g, '$1 $2');
  const raw = text.toLowerCase().split(/[^a-z0-9.]+/).map((t) => t.replace(/^\.+|\.+$/g, '')).filter((t) => t.length > 0);

  let left = false;
  let right = false;
  const tokens: string[] = [];
  const derivedTokens: string[] = cropped ? ['crop'] : [];
  raw.forEach((token, index) => {
    const atEnd = index === 0 || index === raw.length - 1;
    if (LEFT_WORDS.has(token) || (atEnd && LEFT_SHORT.has(token))) { left = true; return; }
    if (RIGHT_WORDS.has(token) || (atEnd && RIGHT_SHORT.has(token))) { right = true; return; }
    if (PRV_WORDS.has(token)) { isPrv = true; return; }
    if (token === 'mm') { isPrv = isPrv || !cropped; return; }
    if (NOISE.has(token)) return;
    if (DERIVED_WORDS.has(token)) { derivedTokens.push(token); return; }
    tokens.push(token);
  });
  // A bare number next to PRV is its margin ("PRV BS 3", "Brainstem_PRV03").
  const numbers = tokens.filter((t) => /^\d+(\.\d+)?$/.test(t));
  if (isPrv && prvMarginMm === null && numbers.length === 1) prvMarginMm = Number(numbers[0]);
  const organTokens = isPrv ? tokens.filter((t) => !/^\d+(\.\d+)?$/.test(t)) : tokens;
  return {
    tokens: organTokens, key: organTokens.join(''),
    laterality: left && right ? 'conflict' : left ? 'L' : right ? 'R' : null,
    isPrv, prvMarginMm, derivedTokens,
  };
}
