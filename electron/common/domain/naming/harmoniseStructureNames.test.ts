import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../rt/geometry';
import { harmoniseStructureNames } from './harmoniseStructureNames';
import type { NamingStructure } from './nameMatchTypes';

/** Patient LPS, mm: +x is the patient's LEFT, +z superior. Midline at x = 0 unless said. */
const roi = (name: string, centroidMm: Vec3 | null, volumeCc: number | null, interpretedType: string | null = 'ORGAN'): NamingStructure =>
  ({ name, centroidMm, volumeCc, interpretedType });

const normalPlan = [
  roi('BODY', [0, 0, 0], 9000, 'EXTERNAL'),
  roi('Parotid Lt', [55, 10, 20], 30),
  roi('Parotid Rt', [-55, 10, 20], 31),
  roi('Brain_Stem', [0, 20, 60], 26),
  roi('Cord', [0, 30, -20], 25),
  roi('PTV70', [20, -10, 10], 120, 'PTV'),
  roi('Ring', [0, 0, 0], 500, 'CONTROL'),
];

describe('harmoniseStructureNames', () => {
  it('maps a plausible plan and leaves helpers unmatched', () => {
    const result = harmoniseStructureNames(normalPlan);
    expect(result.map((m) => [m.written, m.status, m.tg263])).toEqual([
      ['BODY', 'matched', 'External'],
      ['Parotid Lt', 'matched', 'Parotid_L'],
      ['Parotid Rt', 'matched', 'Parotid_R'],
      ['Brain_Stem', 'matched', 'Brainstem'],
      ['Cord', 'matched', 'SpinalCord'],
      ['PTV70', 'matched', 'PTV_7000'],
      ['Ring', 'unmatched', null],
    ]);
    expect(result[5].targetDoseGy).toBe(70);
  });

  it('laterality swap: "Parotid Lt" whose centroid is 55 mm to the patient\'s right needs confirmation, never silently accepted', () => {
    const swapped = normalPlan.map((s) => (s.name === 'Parotid Lt' ? { ...s, centroidMm: [-50, 10, 20] as Vec3 } : s.name === 'Parotid Rt' ? { ...s, centroidMm: [50, 10, 20] as Vec3 } : s));
    const result = harmoniseStructureNames(swapped);
    const left = result.find((m) => m.written === 'Parotid Lt');
    expect(left?.status).toBe('needs_confirmation');
    expect(left?.reasons.join(' ')).toMatch(/laterality swap\? named left, centroid 50\.0 mm to the patient's right/);
    expect(result.find((m) => m.written === 'Parotid Rt')?.status).toBe('needs_confirmation');
  });

  it('uses the given midline: with bodyMidlineXmm = 60 both parotids at x = ±55 lie to the patient\'s right', () => {
    const result = harmoniseStructureNames(normalPlan, { bodyMidlineXmm: 60 });
    expect(result.find((m) => m.written === 'Parotid Lt')?.status).toBe('needs_confirmation');
    expect(result.find((m) => m.written === 'Parotid Rt')?.status).toBe('matched');
  });

  it('a side-less paired organ gets the centroid side as a suggestion, still to confirm', () => {
    const result = harmoniseStructureNames([roi('BODY', [0, 0, 0], 9000, 'EXTERNAL'), roi('Parotid', [-48, 0, 0], 28)]);
    expect(result[1]).toMatchObject({ status: 'needs_confirmation', tg263: 'Parotid_R' });
  });

  it('volume outside the plausible range (cochlea of 4 cc) needs confirmation', () => {
    const result = harmoniseStructureNames([roi('BODY', [0, 0, 0], 9000, 'EXTERNAL'), roi('Cochlea_L', [40, 0, 30], 4)]);
    expect(result[1].status).toBe('needs_confirmation');
    expect(result[1].reasons.join(' ')).toMatch(/volume 4\.00 cc outside the plausible 0\.01–1\.5 cc for Cochlea/);
  });

  it('cranio-caudal order: a "Brainstem" below the "Cord" puts both in doubt', () => {
    const flipped = normalPlan.map((s) => (s.name === 'Brain_Stem' ? { ...s, centroidMm: [0, 20, -80] as Vec3 } : s));
    const result = harmoniseStructureNames(flipped);
    expect(result.find((m) => m.written === 'Brain_Stem')?.status).toBe('needs_confirmation');
    expect(result.find((m) => m.written === 'Cord')?.status).toBe('needs_confirmation');
  });

  it('two ROIs with the same TG-263 name both need confirmation', () => {
    const result = harmoniseStructureNames([roi('Cord', [0, 30, 0], 20), roi('Spinal Cord', [0, 30, 0], 21)]);
    expect(result.map((m) => m.status)).toEqual(['needs_confirmation', 'needs_confirmation']);
  });

  it('confirmed mappings of the centre take precedence; an empty one means "not a protocol structure"', () => {
    const result = harmoniseStructureNames([roi('Speicheldrüse li', [50, 0, 0], 25), roi('Ring', null, null), roi('BODY', [0, 0, 0], 9000, 'EXTERNAL')],
      { confirmedMappings: { 'Speicheldrüse li': 'Parotid_L', Ring: '' } });
    expect(result[0]).toMatchObject({ status: 'matched', tg263: 'Parotid_L', score: 1 });
    expect(result[1]).toMatchObject({ status: 'unmatched', tg263: null });
  });

  it('a confirmed mapping is still checked for a laterality swap', () => {
    const result = harmoniseStructureNames([roi('Speicheldrüse li', [-50, 0, 0], 25), roi('BODY', [0, 0, 0], 9000, 'EXTERNAL')],
      { confirmedMappings: { 'Speicheldrüse li': 'Parotid_L' } });
    expect(result[0].status).toBe('needs_confirmation');
  });
});
