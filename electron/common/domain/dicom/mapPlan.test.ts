import { describe, expect, it } from 'vitest';
import { mapPlan, RT_ION_PLAN_SOP_CLASS } from './mapPlan';

const base = { SOPInstanceUID: '1.2.3', SOPClassUID: '1.2.840.10008.5.1.4.1.1.481.5', RTPlanLabel: 'HN', Manufacturer: 'Varian Medical Systems', ManufacturerModelName: 'Eclipse' };

describe('mapPlan', () => {
  it('reads fractions written as a padded string (Eclipse) and the planning system', () => {
    const { plan, warnings } = mapPlan({ ...base, FractionGroupSequence: [{ NumberOfFractionsPlanned: ' 35 ' }],
      DoseReferenceSequence: [{ DoseReferenceType: 'TARGET', TargetPrescriptionDose: '70.0' }, { DoseReferenceType: 'ORGAN_AT_RISK', TargetPrescriptionDose: 80 }] });
    expect(plan.fractionsPlanned).toBe(35);
    expect(plan.prescriptionGy).toBe(70); // organ-at-risk references never count as the prescription
    expect([plan.manufacturer, plan.planningSystem]).toEqual(['Varian Medical Systems', 'Eclipse']);
    expect(warnings).toEqual([]);
  });

  it('falls back to the fraction group\'s ReferencedDoseReferenceSequence, then to beam doses × fractions', () => {
    const referenced = mapPlan({ ...base, FractionGroupSequence: [{ NumberOfFractionsPlanned: 30,
      ReferencedDoseReferenceSequence: [{ ReferencedDoseReferenceNumber: 1, TargetPrescriptionDose: 60 }],
      ReferencedBeamSequence: [{ BeamDose: 1 }] }] });
    expect(referenced.plan.prescriptionGy).toBe(60);
    expect(referenced.warnings[0]).toMatch(/ReferencedDoseReferenceSequence/);
    const beams = mapPlan({ ...base, FractionGroupSequence: [{ NumberOfFractionsPlanned: 30,
      ReferencedBeamSequence: [{ BeamDose: 1.25 }, { BeamDose: 0.75 }] }] });
    expect(beams.plan.prescriptionGy).toBe(60); // (1.25 + 0.75) Gy × 30
  });

  it('a de-identified plan without FractionGroupSequence has null fractions and says so', () => {
    const { plan, warnings } = mapPlan(base);
    expect(plan.fractionsPlanned).toBeNull();
    expect(plan.prescriptionGy).toBeNull();
    expect(warnings).toEqual(['plan has no FractionGroupSequence (300A,0070): number of fractions unknown']);
  });

  it('an RT Ion Plan is RTIONPLAN with its IonBeamSequence and radiation type', () => {
    const { plan } = mapPlan({ ...base, SOPClassUID: RT_ION_PLAN_SOP_CLASS, FractionGroupSequence: [{ NumberOfFractionsPlanned: 33 }],
      IonBeamSequence: [
        { BeamNumber: 1, BeamName: 'G1', RadiationType: 'PROTON', IonControlPointSequence: [{ GantryAngle: 90 }, {}] },
        { BeamNumber: 2, BeamName: 'G2', RadiationType: 'PROTON', IonControlPointSequence: [{ GantryAngle: 270 }, {}] }] });
    expect(plan.sopKind).toBe('RTIONPLAN');
    expect(plan.radiationType).toBe('PROTON');
    expect(plan.beams.map((b) => [b.name, b.gantryAngleDeg, b.controlPointCount])).toEqual([['G1', 90, 2], ['G2', 270, 2]]);
    const carbon = mapPlan({ ...base, SOPClassUID: RT_ION_PLAN_SOP_CLASS, IonBeamSequence: [{ RadiationType: 'ION' }] });
    expect(carbon.plan.radiationType).toBe('ION');
  });
});
