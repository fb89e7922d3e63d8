import type { Beam, DoseReference, Plan, RadiationType } from '../rt';
import type { DicomDataset } from './datasetValues';
import { numberValue, requireString, sequenceItems, stringValue } from './datasetValues';

export const RT_PLAN_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.481.5';
export const RT_ION_PLAN_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.481.8';

export interface MappedPlan {
  readonly plan: Plan;
  readonly warnings: readonly string[];
}

const RADIATION_TYPES: readonly RadiationType[] = ['PHOTON', 'ELECTRON', 'PROTON', 'ION', 'NEUTRON'];

/**
 * Maps an RTPLAN or RT Ion Plan. Prescription: the highest TargetPrescriptionDose of the TARGET dose
 * references; when none is written, the one in the first fraction group's ReferencedDoseReferenceSequence,
 * else the sum of its BeamDose values × fractions (Gy), with a warning. Fractions: NumberOfFractionsPlanned (strings accepted); a plan without
 * FractionGroupSequence (some de-identified exports) gets null and a warning.
 */
export function mapPlan(ds: DicomDataset): MappedPlan {
  const warnings: string[] = [];
  const sopClass = stringValue(ds, 'SOPClassUID');
  const beamItems = sequenceItems(ds, 'IonBeamSequence');
  const isIon = sopClass === RT_ION_PLAN_SOP_CLASS || beamItems.length > 0;
  const beams = (isIon ? beamItems : sequenceItems(ds, 'BeamSequence')).map((item, index) => mapBeam(item, index, isIon));

  const doseReferences: DoseReference[] = sequenceItems(ds, 'DoseReferenceSequence').map((item, index) => ({
    number: numberValue(item, 'DoseReferenceNumber') ?? index + 1,
    description: stringValue(item, 'DoseReferenceDescription') ?? '',
    type: (stringValue(item, 'DoseReferenceType') ?? '').toUpperCase(),
    prescriptionGy: numberValue(item, 'TargetPrescriptionDose'),
  }));
  const fractionGroups = sequenceItems(ds, 'FractionGroupSequence');
  let fractionsPlanned: number | null = null;
  if (fractionGroups.length === 0) {
    warnings.push('plan has no FractionGroupSequence (300A,0070): number of fractions unknown');
  } else {
    fractionsPlanned = numberValue(fractionGroups[0], 'NumberOfFractionsPlanned');
    if (fractionsPlanned === null) warnings.push('NumberOfFractionsPlanned (300A,0078) missing: number of fractions unknown');
    if (fractionGroups.length > 1) {
      warnings.push(`plan has ${fractionGroups.length} fraction groups: fractions taken from the first`);
    }
  }

  const targetDoses = doseReferences
    .filter((r) => r.prescriptionGy !== null && (r.type === 'TARGET' || r.type === ''))
    .map((r) => r.prescriptionGy as number);
  let prescriptionGy: number | null = targetDoses.length > 0 ? Math.max(...targetDoses) : null;
  if (prescriptionGy === null && fractionGroups.length > 0) {
    const referenced = sequenceItems(fractionGroups[0], 'ReferencedDoseReferenceSequence')
      .map((r) => numberValue(r, 'TargetPrescriptionDose')).filter((d): d is number => d !== null);
    if (referenced.length > 0) {
      prescriptionGy = Math.max(...referenced);
      warnings.push(`no TargetPrescriptionDose in DoseReferenceSequence: prescription ${prescriptionGy.toFixed(2)} Gy `
        + 'taken from the fraction group\'s ReferencedDoseReferenceSequence');
    } else {
      prescriptionGy = prescriptionFromFractionGroup(fractionGroups[0], fractionsPlanned);
      if (prescriptionGy !== null) {
        warnings.push(`no TargetPrescriptionDose: prescription ${prescriptionGy.toFixed(2)} Gy = beam doses × fractions `
          + '(taken from the fraction group)');
      }
    }
  }

  const types = new Map<RadiationType, number>();
  for (const beam of beams) types.set(beam.radiationType, (types.get(beam.radiationType) ?? 0) + 1);
  let radiationType: RadiationType = isIon ? 'PROTON' : 'UNKNOWN';
  let best = 0;
  for (const [type, count] of types) {
    if (type !== 'UNKNOWN' && count > best) { radiationType = type; best = count; }
  }

  return {
    plan: {
      sopInstanceUid: requireString(ds, 'SOPInstanceUID'),
      frameOfReferenceUid: stringValue(ds, 'FrameOfReferenceUID'),
      label: stringValue(ds, 'RTPlanLabel'),
      name: stringValue(ds, 'RTPlanName'),
      planDate: stringValue(ds, 'RTPlanDate'),
      sopKind: isIon ? 'RTIONPLAN' : 'RTPLAN',
      prescriptionGy,
      doseReferences,
      fractionsPlanned,
      beams,
      radiationType,
      referencedStructureSetUid: stringValue(sequenceItems(ds, 'ReferencedStructureSetSequence')[0] ?? {},
        'ReferencedSOPInstanceUID'),
      manufacturer: stringValue(ds, 'Manufacturer'),
      planningSystem: stringValue(ds, 'ManufacturerModelName'),
    },
    warnings,
  };
}

function mapBeam(item: DicomDataset, index: number, isIon: boolean): Beam {
  const raw = (stringValue(item, 'RadiationType') ?? '').toUpperCase();
  const radiationType: RadiationType = (RADIATION_TYPES as readonly string[]).includes(raw)
    ? (raw as RadiationType) : isIon ? 'PROTON' : 'UNKNOWN';
  const controlPoints = sequenceItems(item, isIon ? 'IonControlPointSequence' : 'ControlPointSequence');
  return {
    beamNumber: numberValue(item, 'BeamNumber') ?? index + 1,
    name: stringValue(item, 'BeamName') ?? stringValue(item, 'BeamDescription') ?? `Beam ${index + 1}`,
    radiationType,
    treatmentDeliveryType: stringValue(item, 'TreatmentDeliveryType'),
    gantryAngleDeg: controlPoints.length > 0 ? numberValue(controlPoints[0], 'GantryAngle') : null,
    controlPointCount: numberValue(item, 'NumberOfControlPoints') ?? controlPoints.length,
  };
}

/** Σ BeamDose (Gy per fraction) × NumberOfFractionsPlanned, or null when the beams carry no dose. */
function prescriptionFromFractionGroup(group: DicomDataset, fractions: number | null): number | null {
  const beamDoses = sequenceItems(group, 'ReferencedBeamSequence')
    .map((b) => numberValue(b, 'BeamDose')).filter((d): d is number => d !== null);
  if (beamDoses.length === 0 || fractions === null) return null;
  return beamDoses.reduce((a, b) => a + b, 0) * fractions;
}
