import type { PlanStructure } from '../../common/api';

/** Distinct colours for structures whose RTSTRUCT gives none (colour-blind-safe Okabe–Ito order first). */
const PALETTE: Array<[number, number, number]> = [
  [230, 159, 0], [86, 180, 233], [0, 158, 115], [240, 228, 66], [0, 114, 178], [213, 94, 0], [204, 121, 167],
  [153, 153, 153], [170, 68, 153], [68, 170, 153], [221, 204, 119], [136, 34, 85],
];

export function structureColour(index: number): [number, number, number] {
  return PALETTE[index % PALETTE.length];
}

/** Role from a TG-263 (or written) name: targets PTV/CTV/GTV/ITV, the body outline, everything else an organ. */
export function structureRole(name: string): PlanStructure['role'] {
  if (/^(PTV|CTV|GTV|ITV)/i.test(name)) return 'target';
  if (/^(external|body|skin|outline)$/i.test(name)) return 'external';
  if (/^(couch|support|marker|iso)/i.test(name)) return 'other';
  return 'organ';
}
