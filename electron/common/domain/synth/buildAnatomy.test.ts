import { describe, expect, it } from 'vitest';
import { buildAnatomy } from './buildAnatomy';
import { sampleStructure } from './sampleStructure';
import { SeededRandom } from './seededRandom';
import { sectionsAt, sectionsContain } from './shapes';

const planes = Array.from({ length: 160 }, (_, k) => 197.5 - 2.5 * k);
const levels = [{ role: 'PTV_High', doseGy: 70 }, { role: 'PTV_Mid', doseGy: 63 }, { role: 'PTV_Low', doseGy: 56 }];

/**
 * Mean organ volumes over 12 synthetic patients against reference §6.3 (PDDCA/PMCC means, cochlea and
 * lens from S78/S77; larynx 34.4 ± 9.9 cc S79; PCM ≈ 22 cc S80), with a ±35 % tolerance: the anatomy is
 * analytic, the aim is plausibility, not a fit.
 */
const REFERENCE_CC: Record<string, number> = {
  Parotid_L: 28.9, Parotid_R: 29.6, Glnd_Submand_L: 7.35, Glnd_Submand_R: 7.43, Brainstem: 26.6, Bone_Mandible: 64,
  Cavity_Oral: 108.7, SpinalCord: 25.2, OpticChiasm: 0.58, OpticNrv_L: 0.65, Cochlea_L: 0.11, Lens_L: 0.33, BrachialPlex_L: 8.9,
};

describe('buildAnatomy', () => {
  const volumes = new Map<string, number[]>();
  for (let i = 0; i < 12; i++) {
    const anatomy = buildAnatomy(new SeededRandom(`anatomy-${i}`), { site: 'oropharynx', tStage: 2, tumourSide: 1, doseLevels: levels, postOperative: false });
    for (const s of anatomy.structures) {
      if (!(s.name in REFERENCE_CC) && !s.name.startsWith('Musc_Constrict') && s.name !== 'Larynx_SG' && s.name !== 'Glottis') continue;
      volumes.set(s.name, [...(volumes.get(s.name) ?? []), sampleStructure(s.shape, planes, 8000).volumeCc]);
    }
  }
  const mean = (name: string) => volumes.get(name)!.reduce((a, b) => a + b, 0) / volumes.get(name)!.length;

  it.each(Object.entries(REFERENCE_CC))('%s: mean volume within 35 percent of the reference %f cc', (name, referenceCc) => {
    expect(mean(name) / referenceCc).toBeGreaterThan(0.65);
    expect(mean(name) / referenceCc).toBeLessThan(1.35);
  });

  it('pharyngeal constrictors ≈ 22 cc and larynx ≈ 34 cc in total', () => {
    const pcm = mean('Musc_Constrict_S') + mean('Musc_Constrict_M') + mean('Musc_Constrict_I');
    expect(pcm).toBeGreaterThan(22 * 0.65);
    expect(pcm).toBeLessThan(22 * 1.35);
    const larynx = mean('Larynx_SG') + mean('Glottis');
    expect(larynx).toBeGreaterThan(34.4 - 2 * 9.9);
    expect(larynx).toBeLessThan(34.4 + 2 * 9.9);
  });

  it('patients differ: parotid volumes vary by more than 5 % between patients', () => {
    const v = volumes.get('Parotid_L')!;
    expect(Math.max(...v) / Math.min(...v)).toBeGreaterThan(1.05);
  });

  it('every organ and target lies inside the body outline (≥ 99 % of its volume), for every site', () => {
    for (const site of ['oropharynx', 'larynx', 'oral_cavity'] as const) {
      for (let i = 0; i < 3; i++) {
        const anatomy = buildAnatomy(new SeededRandom(`inside-${site}-${i}`), { site, tStage: 4, tumourSide: i % 2 ? 1 : -1, doseLevels: levels, postOperative: site === 'oral_cavity' });
        const body = anatomy.structures.find((s) => s.name === 'External')!.shape;
        for (const s of anatomy.structures) {
          if (s.name === 'External') continue;
          const samples = sampleStructure(s.shape, planes, 2000);
          let outside = 0;
          for (let p = 0; p < samples.pointsMm.length; p += 3) {
            if (!sectionsContain(sectionsAt(body, samples.pointsMm[p + 2]), samples.pointsMm[p], samples.pointsMm[p + 1])) outside++;
          }
          expect(outside / (samples.pointsMm.length / 3), `${site} ${s.name}`).toBeLessThan(0.01);
        }
      }
    }
  });
});
