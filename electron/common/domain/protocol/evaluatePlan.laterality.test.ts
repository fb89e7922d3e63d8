import { describe, expect, it } from 'vitest';
import { harmoniseStructureNames } from '../naming/harmoniseStructureNames';
import { evaluatePlan } from './evaluatePlan';
import { protocolSchema } from './protocolSchema';

const protocol = protocolSchema.parse({
  id: 'laterality', name: 'laterality', version: '1.0',
  schedules: [{ id: 'rx70', description: '70 Gy in 35', fractions: 35, doseLevels: [{ target: 'PTV_High', doseGy: 70 }] }],
  requiredStructures: [],
  constraints: [{ id: 'parotid-l', structure: 'Parotid_L', metric: 'Dmean', comparator: '<=', unit: 'Gy', perProtocol: 26, minor: 30, source: 'test' }],
});

describe('a structure whose name contradicts its side', () => {
  // LPS: +x is the patient's left. Body midline at x = 0; a "Parotid_L" centred 50 mm to the patient's right.
  const names = harmoniseStructureNames([
    { name: 'Parotid_L', interpretedType: 'ORGAN', volumeCc: 30, centroidMm: [-50, 20, 0] },
    { name: 'Parotid_R', interpretedType: 'ORGAN', volumeCc: 30, centroidMm: [50, 20, 0] },
  ], { bodyMidlineXmm: 0 });

  it('is flagged as a laterality conflict by the name harmonisation', () => {
    expect(names.map((n) => [n.written, n.status, n.lateralityConflict ?? false])).toEqual([
      ['Parotid_L', 'needs_confirmation', true], ['Parotid_R', 'needs_confirmation', true],
    ]);
  });

  it('becomes a minor laterality finding, and the plan is at least minor (never silently per protocol)', () => {
    const evaluation = evaluatePlan({
      protocol, plan: { prescriptionGy: 70, fractions: 35, radiationType: 'PHOTON', doseGridSpacingMm: 2.5 },
      structures: names.map((n) => ({ writtenName: n.written, tg263: n.tg263, status: n.status, dvh: null, lateralityConflict: n.lateralityConflict })),
    });
    const laterality = evaluation.findings.filter((f) => f.kind === 'laterality');
    expect(laterality.map((f) => [f.writtenName, f.grade])).toEqual([['Parotid_L', 'minor'], ['Parotid_R', 'minor']]);
    expect(['minor', 'major']).toContain(evaluation.grade);
  });
});
