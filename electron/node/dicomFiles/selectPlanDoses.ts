import type { IndexedDose } from './dicomIndexTypes';

/** Which summation types stand for the whole plan, best first; only one kind is ever summed. */
const PREFERENCE = ['PLAN', 'MULTI_PLAN', 'FRACTION', 'BEAM'];

/**
 * Picks the dose files to sum for one plan so nothing is counted twice: a PLAN dose wins over per-fraction-group
 * doses, which win over per-beam doses. Several doses of the chosen kind are summed (per beam, per fraction
 * group); two PLAN doses are not (the first is used). What was left out is said in a note.
 */
export function selectPlanDoses(doses: readonly IndexedDose[]): { chosen: IndexedDose[]; notes: string[] } {
  if (doses.length <= 1) return { chosen: [...doses], notes: [] };
  const rank = (d: IndexedDose) => {
    const r = PREFERENCE.indexOf(String(d.summationType).toUpperCase());
    return r < 0 ? PREFERENCE.length : r;
  };
  const best = Math.min(...doses.map(rank));
  let chosen = doses.filter((d) => rank(d) === best);
  const notes: string[] = [];
  const bestType = chosen[0].summationType;
  if ((bestType === 'PLAN' || bestType === 'MULTI_PLAN') && chosen.length > 1) {
    notes.push(`${chosen.length} ${bestType} doses for this plan: using ${chosen[0].file}, not summing the others`);
    chosen = [chosen[0]];
  }
  const left = doses.filter((d) => !chosen.includes(d));
  if (left.length > 0) {
    notes.push(`using the ${bestType} dose${chosen.length > 1 ? 's' : ''}; ${left.length} `
      + `${[...new Set(left.map((d) => d.summationType))].join('/')} dose file${left.length > 1 ? 's' : ''} not added (would double count)`);
  }
  if (chosen.length > 1) notes.push(`summed ${chosen.length} ${bestType} dose files into the plan dose`);
  return { chosen, notes };
}
