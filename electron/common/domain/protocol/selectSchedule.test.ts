import { describe, expect, it } from 'vitest';
import { protocolSchema } from './protocolSchema';
import { selectSchedule } from './selectSchedule';

const protocol = protocolSchema.parse({
  id: 'two-schedules', name: 'two schedules', version: '1.0',
  schedules: [
    { id: 'definitive-70-35', description: '70 Gy in 35', fractions: 35, doseLevels: [{ target: 'PTV_High', doseGy: 70 }] },
    { id: 'postop-66-33', description: '66 Gy in 33', fractions: 33, doseLevels: [{ target: 'PTV_High', doseGy: 66 }] },
  ],
  requiredStructures: [],
  constraints: [{ id: 'cord', structure: 'SpinalCord', metric: 'Dmax', comparator: '<=', unit: 'Gy', perProtocol: 45, source: 'test' }],
});
const facts = (prescriptionGy: number | null, fractions: number | null) => ({ prescriptionGy, fractions, radiationType: 'PHOTON' as const, doseGridSpacingMm: 2.5 });

describe('selectSchedule', () => {
  it('keeps a 70 Gy plan in 33 fractions on the 70 Gy schedule (a fractionation deviation, not a 66 Gy plan)', () => {
    expect(selectSchedule(protocol, facts(70, 33)).id).toBe('definitive-70-35');
  });
  it('picks the schedule by prescription, then by fractions', () => {
    expect(selectSchedule(protocol, facts(66, 35)).id).toBe('postop-66-33');
    expect(selectSchedule(protocol, facts(69.9, 35)).id).toBe('definitive-70-35');
  });
  it('lets fractions decide when the prescription is unknown', () => {
    expect(selectSchedule(protocol, facts(null, 33)).id).toBe('postop-66-33');
    expect(selectSchedule(protocol, facts(null, null)).id).toBe('definitive-70-35');
  });
});
