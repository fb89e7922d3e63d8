import { matchStructureName } from './matchStructureName';
import type { NameMatch, NamingContext, NamingStructure } from './nameMatchTypes';
import { MIDLINE_TOLERANCE_MM, ORGAN_VOLUME_RANGE_CC, SUPERIOR_TO } from './organGeometryRules';
import { TG263_CONCEPTS } from './tg263Aliases';

const PAIRED = new Set(TG263_CONCEPTS.filter((c) => c.paired).map((c) => c.tg263));

/** Organ and side of a TG-263 organ name: Parotid_L → { organ: Parotid, side: L }, SpinalCord_PRV05 → PRV. */
function splitName(tg263: string): { organ: string; side: 'L' | 'R' | null; prv: boolean } {
  const m = /^(.*?)(_PRV\d+)?(?:_([LR]))?$/.exec(tg263) as RegExpExecArray;
  return { organ: m[1], side: (m[3] as 'L' | 'R' | undefined) ?? null, prv: !!m[2] };
}

function midlineX(structures: readonly NamingStructure[], matches: readonly NameMatch[], context: NamingContext): number | null {
  if (context.bodyMidlineXmm !== undefined) return context.bodyMidlineXmm;
  const external = structures.find((s, i) => s.centroidMm && (s.interpretedType === 'EXTERNAL' || matches[i].tg263 === 'External'));
  if (external?.centroidMm) return external.centroidMm[0];
  // Mean x of every lateralised organ: a left/right pair straddles the midline whatever their names say.
  const xs = structures.filter((s, i) => s.centroidMm && matches[i].tg263 && splitName(matches[i].tg263 as string).side).map((s) => (s.centroidMm as readonly number[])[0]);
  const hasBothSides = structures.some((s, i) => s.centroidMm && matches[i].tg263?.endsWith('_L')) && structures.some((s, i) => s.centroidMm && matches[i].tg263?.endsWith('_R'));
  return hasBothSides ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/**
 * Harmonise a plan's structure names to TG-263. Per name: confirmed mapping of the centre (takes
 * precedence) or the automatic name match, then geometric plausibility, which can only lower the status:
 *  - volume outside the organ's plausible range → needs_confirmation;
 *  - side from the centroid against the body midline (patient LPS, +x = patient LEFT): a "_L" organ whose
 *    centroid lies more than 3 mm to the patient's right is a laterality swap → needs_confirmation; a
 *    paired organ named without a side gets the centroid's side as a suggestion, still to confirm;
 *  - cranio-caudal order (Brainstem above SpinalCord …) violated → both need confirmation;
 *  - two structures with the same TG-263 name → both need confirmation (never pick one).
 * @param structures ROIs with volume (cc) and centroid (patient LPS, mm)
 */
export function harmoniseStructureNames(structures: readonly NamingStructure[], context: NamingContext = {}): NameMatch[] {
  const matches: NameMatch[] = structures.map((s) => {
    const confirmed = context.confirmedMappings?.[s.name];
    if (confirmed !== undefined) {
      if (confirmed === '') return { written: s.name, tg263: null, score: 1, status: 'unmatched', reasons: ['confirmed by the centre: not a protocol structure'], kind: 'other', targetDoseGy: null };
      const automatic = matchStructureName(confirmed);
      return { written: s.name, tg263: confirmed, score: 1, status: 'matched', reasons: ['confirmed mapping of this centre'], kind: automatic.kind === 'target' ? 'target' : 'organ', targetDoseGy: automatic.targetDoseGy };
    }
    const m = matchStructureName(s.name);
    if (m.kind === 'other' && m.status === 'unmatched' && s.interpretedType === 'EXTERNAL') {
      return { ...m, tg263: 'External', status: 'needs_confirmation', reasons: [...m.reasons, 'RT ROI type EXTERNAL'] };
    }
    return m;
  });
  const reasons = matches.map((m) => [...m.reasons]);
  const doubt = matches.map(() => false);
  const swapped = matches.map(() => false);
  const suggestion: (string | null)[] = matches.map((m) => m.tg263);
  const midline = midlineX(structures, matches, context);

  structures.forEach((s, i) => {
    const m = matches[i];
    if (m.kind !== 'organ' || m.status === 'unmatched') return;
    if ((s.interpretedType === 'PTV' || s.interpretedType === 'CTV' || s.interpretedType === 'GTV')) {
      doubt[i] = true; reasons[i].push(`organ name on a ${s.interpretedType} ROI`);
    }
    const organName = m.tg263;
    if (!organName) {
      // Paired organ without a side: suggest the centroid's side, still to confirm.
      const concept = m.reasons.some((r) => r.includes('is paired but the name has no side')) ? matchConceptOfUnsided(m.written) : null;
      if (concept && s.centroidMm && midline !== null && Math.abs(s.centroidMm[0] - midline) > MIDLINE_TOLERANCE_MM) {
        const side = s.centroidMm[0] > midline ? 'L' : 'R';
        suggestion[i] = `${concept}_${side}`;
        reasons[i].push(`centroid ${Math.abs(s.centroidMm[0] - midline).toFixed(1)} mm to the patient's ${side === 'L' ? 'left' : 'right'}: suggest ${suggestion[i]}`);
      }
      return;
    }
    const { organ, side, prv } = splitName(organName);
    const range = ORGAN_VOLUME_RANGE_CC[organ];
    if (range && !prv && s.volumeCc !== null && (s.volumeCc < range[0] || s.volumeCc > range[1])) {
      doubt[i] = true; reasons[i].push(`volume ${s.volumeCc.toFixed(2)} cc outside the plausible ${range[0]}–${range[1]} cc for ${organ}`);
    }
    if (side && PAIRED.has(organ) && s.centroidMm) {
      if (midline === null) reasons[i].push('no body midline: side not checked');
      else {
        const offset = s.centroidMm[0] - midline;
        if (Math.abs(offset) <= MIDLINE_TOLERANCE_MM) reasons[i].push('centroid at the midline: side not checked');
        else if ((offset > 0 ? 'L' : 'R') !== side) {
          doubt[i] = true;
          swapped[i] = true;
          reasons[i].push(`laterality swap? named ${side === 'L' ? 'left' : 'right'}, centroid ${Math.abs(offset).toFixed(1)} mm to the patient's ${offset > 0 ? 'left' : 'right'} (LPS +x = left)`);
        }
      }
    }
  });

  // Cranio-caudal order between matched organs (same side for paired ones).
  const byName = new Map<string, number[]>();
  matches.forEach((m, i) => { if (m.tg263 && m.kind === 'organ') byName.set(m.tg263, [...(byName.get(m.tg263) ?? []), i]); });
  for (const [upper, lower] of SUPERIOR_TO) {
    for (const side of PAIRED.has(upper) ? ['_L', '_R'] : ['']) {
      const u = byName.get(upper + side)?.[0];
      const l = byName.get(lower + (PAIRED.has(lower) ? side : ''))?.[0];
      if (u === undefined || l === undefined) continue;
      const zu = structures[u].centroidMm?.[2];
      const zl = structures[l].centroidMm?.[2];
      if (zu === undefined || zl === undefined || zu > zl) continue;
      for (const [i, other] of [[u, l], [l, u]] as const) {
        doubt[i] = true;
        reasons[i].push(`${upper}${side} should lie superior to ${lower}${PAIRED.has(lower) ? side : ''} but its centroid is at z ${zu.toFixed(1)} mm vs ${zl.toFixed(1)} mm (${matches[other].written})`);
      }
    }
  }

  // Duplicates: two ROIs cannot both be the one TG-263 structure.
  for (const [name, indices] of byName) {
    if (indices.length < 2) continue;
    for (const i of indices) { doubt[i] = true; reasons[i].push(`${indices.length} structures map to ${name}: ${indices.map((j) => matches[j].written).join(', ')}`); }
  }
  const targets = new Map<string, number[]>();
  matches.forEach((m, i) => { if (m.tg263 && m.kind === 'target' && m.status === 'matched') targets.set(m.tg263, [...(targets.get(m.tg263) ?? []), i]); });
  for (const [name, indices] of targets) {
    if (indices.length < 2) continue;
    for (const i of indices) { doubt[i] = true; reasons[i].push(`${indices.length} targets map to ${name}: ${indices.map((j) => matches[j].written).join(', ')}`); }
  }

  return matches.map((m, i) => ({
    ...m, tg263: suggestion[i], reasons: reasons[i], ...(swapped[i] ? { lateralityConflict: true } : {}),
    status: m.status === 'matched' && doubt[i] ? 'needs_confirmation' : m.status,
  }));
}

/** The paired concept a side-less name refers to ("Parotid" → Parotid), for a side suggestion. */
function matchConceptOfUnsided(written: string): string | null {
  const withSide = matchStructureName(`${written}_L`);
  return withSide.tg263?.endsWith('_L') ? withSide.tg263.slice(0, -2) : null;
}
