import { describe, expect, it } from 'vitest';
import { protocolSchema } from '../protocol/protocolSchema';
import { planCheckGrade } from './planCheckGrade';

// tolerances as in resources/protocols/synthetic-hn-trial-1.0.yaml
const protocol = protocolSchema.parse({
  id: 'plan-checks', name: 'plan checks', version: '1.0',
  schedules: [{
    id: 'definitive-70-35', description: '70 Gy in 35', fractions: 35, doseLevels: [{ target: 'PTV_High', doseGy: 70 }],
    fractionTolerance: { perProtocol: 0, minor: 2 }, prescriptionTolerancePercent: { perProtocol: 1, minor: 5 },
  }],
  requiredStructures: [],
  maxDoseGridSpacingMm: { perProtocol: 3, minor: 5 },
  constraints: [{ id: 'cord', structure: 'SpinalCord', metric: 'Dmax', comparator: '<=', unit: 'Gy', perProtocol: 45, source: 'test' }],
});
const plan = (fractions: number | null, doseGridSpacingMm: number | null, prescriptionGy: number | null = 70) => ({ prescriptionGy, fractions, radiationType: 'PHOTON' as const, doseGridSpacingMm });

describe('planCheckGrade', () => {
  it('is per protocol for a 70 Gy / 35 fraction plan on a 3 mm grid', () => {
    expect(planCheckGrade(protocol, protocol.schedules[0], plan(35, 3))).toBe('per_protocol');
  });
  it('grades fractions by |Δ|: 2 off is minor, 5 off is major', () => {
    expect(planCheckGrade(protocol, protocol.schedules[0], plan(33, 3))).toBe('minor');
    expect(planCheckGrade(protocol, protocol.schedules[0], plan(30, 3))).toBe('major');
  });
  it('grades a 4 mm grid minor and a 6 mm grid major', () => {
    expect(planCheckGrade(protocol, protocol.schedules[0], plan(35, 4))).toBe('minor');
    expect(planCheckGrade(protocol, protocol.schedules[0], plan(35, 6))).toBe('major');
  });
  it('counts what the plan does not state as per protocol (nothing to learn from)', () => {
    expect(planCheckGrade(protocol, protocol.schedules[0], plan(null, 3, null))).toBe('per_protocol');
  });
});
