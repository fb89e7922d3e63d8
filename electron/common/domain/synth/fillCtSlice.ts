import type { Anatomy } from './buildAnatomy';
import { forEachSpan, type PlaneLattice } from './rasterizeSections';
import { sectionsAt } from './shapes';

/** Mean HU of contoured organs that differ from muscle; the rest of the body is soft tissue (40 HU). */
const ORGAN_HU: Record<string, number> = {
  Parotid_L: -5, Parotid_R: -5, Glnd_Thyroid: 110, Eye_L: 12, Eye_R: 12, Lens_L: 95, Lens_R: 95,
  Glnd_Submand_L: 50, Glnd_Submand_R: 50, Brainstem: 32, SpinalCord: 30,
};
const BODY_FAT_HU = -90;
const AIR_HU = -1000;
const NOISE_TABLE_SIZE = 1 << 16;

/** A fixed table of Gaussian-like noise (sd ≈ 8 HU) shared by all slices, indexed at a per-slice offset. */
export function makeNoiseTable(random: () => number): Int16Array {
  const table = new Int16Array(NOISE_TABLE_SIZE);
  for (let i = 0; i < table.length; i++) table[i] = Math.round((random() + random() + random() - 1.5) * 16);
  return table;
}

/**
 * Hounsfield units of one axial CT slice at z = zMm (LPS mm) into `out` (row-major, columns fastest):
 * air outside the body, fat under the skin, soft tissue, organ-specific densities, bone (skull,
 * vertebrae, mandible) and the airway, plus noise. Stored as HU + 1024 (unsigned, RescaleIntercept −1024).
 */
export function fillCtSlice(anatomy: Anatomy, lattice: PlaneLattice, zMm: number, noise: Int16Array, noiseOffset: number, out: Uint16Array): void {
  out.fill(AIR_HU + 1024);
  const paint = (hu: number) => (row: number, first: number, last: number) => {
    const base = row * lattice.columns;
    out.fill(hu + 1024, base + first, base + last + 1);
  };
  const body = anatomy.structures.find((s) => s.name === 'External');
  if (body) for (const section of sectionsAt(body.shape, zMm)) forEachSpan(section, lattice, paint(BODY_FAT_HU));
  const [softTissue, ...bones] = anatomy.tissues;
  const airway = bones.pop();
  for (const section of sectionsAt(softTissue.shape, zMm)) forEachSpan(section, lattice, paint(softTissue.hu));
  for (const structure of anatomy.structures) {
    const hu = ORGAN_HU[structure.name];
    if (hu === undefined) continue;
    for (const section of sectionsAt(structure.shape, zMm)) forEachSpan(section, lattice, paint(hu));
  }
  for (const tissue of bones) for (const section of sectionsAt(tissue.shape, zMm)) forEachSpan(section, lattice, paint(tissue.hu));
  if (airway) for (const section of sectionsAt(airway.shape, zMm)) forEachSpan(section, lattice, paint(airway.hu));
  // noise only inside the body: air stays exactly −1000 as scanners clip it
  const mask = NOISE_TABLE_SIZE - 1;
  for (let p = 0; p < out.length; p++) {
    const v = out[p];
    if (v > 100) out[p] = v + noise[(p + noiseOffset) & mask];
  }
}
