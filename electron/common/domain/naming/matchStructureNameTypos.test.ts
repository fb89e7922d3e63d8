import { describe, expect, it } from 'vitest';
import { writtenName, type NamingStyle } from '../synth/centreNaming';
import { SeededRandom } from '../synth/seededRandom';
import { matchStructureName } from './matchStructureName';

/**
 * Stress test on the synthetic centres' naming (H3's centreNaming: English, French, Dutch, German tables and
 * the typo model "two neighbouring letters swapped"), with EVERY name misspelled: spelling correction may
 * ask or give up, but must never produce a wrong TG-263 name.
 */
const ORGANS = ['SpinalCord', 'Brainstem', 'Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Glnd_Submand_R', 'Cavity_Oral', 'Musc_Constrict_S',
  'Musc_Constrict_M', 'Musc_Constrict_I', 'Larynx_SG', 'Glottis', 'Bone_Mandible', 'Cochlea_L', 'Cochlea_R', 'OpticNrv_L', 'OpticNrv_R',
  'OpticChiasm', 'Eye_L', 'Eye_R', 'Lens_L', 'Lens_R', 'Esophagus', 'Glnd_Thyroid', 'BrachialPlex_L', 'BrachialPlex_R'];
const STYLES: NamingStyle[] = ['english', 'french', 'dutch', 'german'];

describe('every local name misspelled (neighbour swap), 8 seeds × 4 languages × 26 organs', () => {
  const outcomes = STYLES.flatMap((style) => Array.from({ length: 8 }, (_, seed) => {
    const rng = new SeededRandom(`typos/${style}/${seed}`);
    return ORGANS.map((tg263) => ({ tg263, written: writtenName(style, tg263, rng, 1) }));
  }).flat()).map((o) => ({ ...o, match: matchStructureName(o.written) }));

  it('never maps to a wrong name', () => {
    const wrong = outcomes.filter((o) => o.match.status === 'matched' && o.match.tg263 !== o.tg263);
    expect(wrong.map((o) => `${o.written} → ${o.match.tg263} (is ${o.tg263})`)).toEqual([]);
  });
  it('corrects at least 95 % automatically (832/832 when written)', () => {
    const right = outcomes.filter((o) => o.match.status === 'matched' && o.match.tg263 === o.tg263);
    console.log(`typo stress: ${right.length}/${outcomes.length} corrected automatically, ${outcomes.filter((o) => o.match.status !== 'matched').length} asked or unmatched`);
    expect(right.length / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });
});
