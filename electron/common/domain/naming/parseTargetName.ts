/** A target volume name read into its parts. */
export interface ParsedTarget {
  readonly type: 'PTV' | 'CTV' | 'GTV' | 'ITV';
  /** sub-qualifier after the type: '' | 'p' | 'n' | 'p1' … (primary / nodal, TG-263) */
  readonly qualifier: string;
  /** dose level from the name, Gy; null when the name has none or it cannot be read without doubt */
  readonly doseGy: number | null;
  /** High / Mid / Int / Low when the name states a role */
  readonly role: string | null;
  /** why the dose could not be read (e.g. "PTV_700": 7 Gy or 700 Gy?) */
  readonly doubt: string | null;
  /** tokens that are neither dose, unit, role nor CT index (eval, opt, -3mm, …): a derived structure */
  readonly extras: readonly string[];
  /** TG-263 form: PTV_7000 (dose in cGy), PTVp_7000, PTV_High, or just the type and qualifier */
  readonly canonical: string;
}

/** Words for the primary tumour / nodes after the type (GTV T, GTV_prim, GTV Primaertumor, GTV N): TG-263 p / n. */
const SUBVOLUME_WORDS: Record<string, string> = {
  t: 'p', p: 'p', prim: 'p', primary: 'p', primaire: 'p', primair: 'p', primaertumor: 'p', primartumor: 'p', primaer: 'p', tumor: 'p', tumour: 'p', tumeur: 'p',
  n: 'n', node: 'n', nodes: 'n', nodal: 'n', ln: 'n', ganglion: 'n', ganglions: 'n', klier: 'n', klieren: 'n', lk: 'n', lymphknoten: 'n',
};

const ROLE_WORDS: Record<string, string> = { high: 'High', hr: 'High', mid: 'Mid', middle: 'Mid', int: 'Int', intermediate: 'Int', low: 'Low', lr: 'Low' };

/**
 * Reads PTV70, PTV_7000, PTV 70Gy, PTV_70.0, PTVp1_CT1_7000, CTVn_5600, PTV_High. Dose numbers: with a unit
 * as written (Gy, cGy); bare numbers with a decimal point or from 20 to 100 are Gy, integers ≥ 1000 are
 * cGy (TG-263 default); anything else (PTV1, PTV_700) is a doubt, never a guess. Returns null when the
 * name is not a target (does not start with PTV/CTV/GTV/ITV).
 */
export function parseTargetName(name: string): ParsedTarget | null {
  const head = /^\s*(PTV|CTV|GTV|ITV)(?![a-mo])(?![q-z])([pn]\d?)?/i.exec(name);
  if (!head) return null;
  const type = head[1].toUpperCase() as ParsedTarget['type'];
  let qualifier = (head[2] ?? '').toLowerCase();
  // A margin added or cut ("PTV70-3mm", "PTV_7000+5") makes a derived structure, not the target.
  const marginPattern = /[-+]\s*\d+(?:[.,]\d+)?\s*(mm|cm)?/i;
  const rest = name.slice(head[0].length);
  const marginMatch = marginPattern.exec(rest.replace(/^[\s_-]*\d+(?:[.,]\d+)?\s*(c?gy)?/i, (m) => ' '.repeat(m.length)));
  const tokens = (marginMatch ? rest.slice(0, marginMatch.index) + ' ' + rest.slice(marginMatch.index + marginMatch[0].length) : rest)
    .split(/[\s_-]+/).filter((t) => t.length > 0);
  let doseGy: number | null = null;
  let role: string | null = null;
  let doubt: string | null = null;
  const extras: string[] = marginMatch ? [marginMatch[0].trim()] : [];
  for (const token of tokens) {
    const dose = /^(\d+(?:[.,]\d+)?)(c?gy)?$/i.exec(token);
    const lower = token.toLowerCase();
    if (dose) {
      const number = Number(dose[1].replace(',', '.'));
      const unit = dose[2]?.toLowerCase();
      let gy: number | null = null;
      if (unit === 'gy') gy = number;
      else if (unit === 'cgy') gy = number / 100;
      else if (dose[1].includes('.') || dose[1].includes(',')) gy = number;
      else if (number >= 20 && number <= 100) gy = number;
      else if (number >= 1000 && number <= 10000) gy = number / 100;
      if (gy === null || gy < 1 || gy > 100) doubt = `"${token}" is not a readable dose level`;
      else if (doseGy !== null && doseGy !== gy) doubt = `two dose levels in the name (${doseGy} and ${gy} Gy)`;
      else doseGy = gy;
    } else if (lower === 'gy' || lower === 'cgy' || /^ct\d*$/.test(lower)) {
      continue;
    } else if (qualifier === '' && SUBVOLUME_WORDS[lower]) {
      qualifier = SUBVOLUME_WORDS[lower];
    } else if (ROLE_WORDS[lower]) {
      role = ROLE_WORDS[lower];
    } else {
      extras.push(token);
    }
  }
  if (doubt) doseGy = null;
  const base = `${type}${qualifier}`;
  const canonical = role ? `${base}_${role}` : doseGy !== null ? `${base}_${String(Math.round(doseGy * 100)).padStart(4, '0')}` : base;
  return { type, qualifier, doseGy, role, doubt, extras, canonical };
}
