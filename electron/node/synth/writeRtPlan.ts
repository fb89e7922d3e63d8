import { uidUnder } from '../../common/domain/synth/makeUidRoot';
import { patientModules, type PatientDicomContext } from './patientModules';
import { RT_STRUCTURE_SET_STORAGE } from './writeRtStruct';
import { ds, writeDicomFile, type NaturalDataset } from './writeDicomFile';

export const RT_PLAN_STORAGE = '1.2.840.10008.5.1.4.1.1.481.5';
export const RT_ION_PLAN_STORAGE = '1.2.840.10008.5.1.4.1.1.481.8';

export interface PlanToWrite {
  readonly label: string;
  readonly radiation: 'photon' | 'proton';
  readonly fractions: number;
  /** dose levels, highest first: target TG-263 PTV name and its ROI number in the structure set */
  readonly targets: readonly { ptvName: string; roiNumber: number; doseGy: number }[];
  readonly structureSetUid: string;
  /** ISO point, LPS mm */
  readonly isocentreMm: readonly [number, number, number];
  readonly planDate: string;
  readonly machineName: string;
}

/**
 * Writes an RT Plan (photon VMAT: two 6 MV arcs) or an RT Ion Plan (proton IMPT: three pencil-beam
 * fields), with the schedule as a dose reference per PTV and the number of fractions in the fraction
 * group. Control points are few: the plan carries geometry and prescription, the dose is in RTDOSE.
 */
export function writeRtPlan(path: string, ctx: PatientDicomContext, plan: PlanToWrite): { sopClassUid: string; sopInstanceUid: string } {
  const ion = plan.radiation === 'proton';
  const sopClassUid = ion ? RT_ION_PLAN_STORAGE : RT_PLAN_STORAGE;
  const sopInstanceUid = uidUnder(ctx.uidRoot, 4, 1);
  const beams = ion ? protonBeams(plan) : photonArcs(plan);
  const metersetPerBeam = ion ? 0.9 : 280;
  const dataset: NaturalDataset = {
    ...patientModules(ctx, sopClassUid, sopInstanceUid),
    SeriesDate: plan.planDate,
    SeriesTime: '110000',
    Modality: ion ? 'RTPLAN' : 'RTPLAN',
    ManufacturerModelName: 'RTQA Synthetic TPS',
    SeriesDescription: ion ? 'Proton plan (synthetic)' : 'VMAT plan (synthetic)',
    OperatorsName: '',
    SeriesInstanceUID: uidUnder(ctx.uidRoot, 4),
    SeriesNumber: '4',
    InstanceNumber: '1',
    FrameOfReferenceUID: ctx.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    RTPlanLabel: plan.label.slice(0, 16),
    RTPlanName: plan.label,
    RTPlanDate: plan.planDate,
    RTPlanTime: '110000',
    RTPlanGeometry: 'PATIENT',
    ReferencedStructureSetSequence: [{ ReferencedSOPClassUID: RT_STRUCTURE_SET_STORAGE, ReferencedSOPInstanceUID: plan.structureSetUid }],
    DoseReferenceSequence: plan.targets.map((t, i) => ({
      DoseReferenceNumber: i + 1,
      DoseReferenceUID: uidUnder(ctx.uidRoot, 4, 2, i + 1),
      DoseReferenceStructureType: 'VOLUME',
      DoseReferenceDescription: t.ptvName,
      ReferencedROINumber: t.roiNumber,
      DoseReferenceType: 'TARGET',
      TargetPrescriptionDose: ds(t.doseGy, 3),
    })),
    PatientSetupSequence: [{ PatientSetupNumber: 1, PatientPosition: 'HFS', SetupTechnique: 'ISOCENTRIC' }],
    FractionGroupSequence: [{
      FractionGroupNumber: 1,
      NumberOfFractionsPlanned: plan.fractions,
      NumberOfBeams: beams.length,
      NumberOfBrachyApplicationSetups: 0,
      ReferencedBeamSequence: beams.map((b) => ({ ReferencedBeamNumber: b.BeamNumber, BeamMeterset: ds(metersetPerBeam, 3) })),
    }],
    [ion ? 'IonBeamSequence' : 'BeamSequence']: beams,
    ApprovalStatus: 'APPROVED',
    ReviewDate: plan.planDate,
    ReviewTime: '120000',
    ReviewerName: 'Synthetic^Physician',
  };
  writeDicomFile(path, dataset);
  return { sopClassUid, sopInstanceUid };
}

function photonArcs(plan: PlanToWrite): NaturalDataset[] {
  const leafBoundaries = Array.from({ length: 61 }, (_, i) => ds(-200 + (400 * i) / 60, 2));
  const arc = (number: number, start: number, stop: number, direction: 'CW' | 'CC'): NaturalDataset => {
    const angles = [start, direction === 'CW' ? 0 : 0, stop];
    const controlPoints = angles.map((angle, index) => {
      const cp: NaturalDataset = { ControlPointIndex: index, GantryAngle: ds(angle), CumulativeMetersetWeight: ds(index / (angles.length - 1), 4) };
      if (index === 0) {
        Object.assign(cp, {
          NominalBeamEnergy: '6', DoseRateSet: '600', GantryRotationDirection: direction,
          BeamLimitingDeviceAngle: direction === 'CW' ? '30' : '330', BeamLimitingDeviceRotationDirection: 'NONE',
          PatientSupportAngle: '0', PatientSupportRotationDirection: 'NONE', TableTopEccentricAngle: '0',
          TableTopEccentricRotationDirection: 'NONE', TableTopVerticalPosition: '', TableTopLongitudinalPosition: '', TableTopLateralPosition: '',
          IsocenterPosition: plan.isocentreMm.map((v) => ds(v, 2)),
          BeamLimitingDevicePositionSequence: [
            { RTBeamLimitingDeviceType: 'ASYMX', LeafJawPositions: ['-80', '80'] },
            { RTBeamLimitingDeviceType: 'ASYMY', LeafJawPositions: ['-110', '110'] },
            { RTBeamLimitingDeviceType: 'MLCX', LeafJawPositions: [...Array(60).fill('-40'), ...Array(60).fill('40')] },
          ],
        });
      } else {
        Object.assign(cp, {
          GantryRotationDirection: index === angles.length - 1 ? 'NONE' : direction,
          BeamLimitingDevicePositionSequence: [{ RTBeamLimitingDeviceType: 'MLCX', LeafJawPositions: [...Array(60).fill('-35'), ...Array(60).fill('35')] }],
        });
      }
      return cp;
    });
    return {
      BeamNumber: number, BeamName: `Arc${number}`, BeamType: 'DYNAMIC', RadiationType: 'PHOTON', TreatmentMachineName: plan.machineName,
      PrimaryDosimeterUnit: 'MU', SourceAxisDistance: '1000',
      BeamLimitingDeviceSequence: [
        { RTBeamLimitingDeviceType: 'ASYMX', NumberOfLeafJawPairs: 1 },
        { RTBeamLimitingDeviceType: 'ASYMY', NumberOfLeafJawPairs: 1 },
        { RTBeamLimitingDeviceType: 'MLCX', NumberOfLeafJawPairs: 60, LeafPositionBoundaries: leafBoundaries },
      ],
      ReferencedPatientSetupNumber: 1, TreatmentDeliveryType: 'TREATMENT', NumberOfWedges: 0, NumberOfCompensators: 0,
      NumberOfBoli: 0, NumberOfBlocks: 0, FinalCumulativeMetersetWeight: '1', NumberOfControlPoints: controlPoints.length,
      ControlPointSequence: controlPoints,
    };
  };
  return [arc(1, 181, 179, 'CW'), arc(2, 179, 181, 'CC')];
}

function protonBeams(plan: PlanToWrite): NaturalDataset[] {
  const field = (number: number, gantry: number): NaturalDataset => {
    const spots = [-10, 0, 10].flatMap((x) => [-10, 0, 10].flatMap((y) => [ds(x), ds(y)]));
    const layer = (index: number, energy: number, cumulative: number, weights: string[]): NaturalDataset => ({
      ControlPointIndex: index, NominalBeamEnergy: ds(energy), CumulativeMetersetWeight: ds(cumulative, 4),
      ScanSpotTuneID: 'Spot1', NumberOfScanSpotPositions: 9, ScanSpotPositionMap: spots, ScanSpotMetersetWeights: weights,
      ScanningSpotSize: ['5', '5'], NumberOfPaintings: 1,
      ...(index === 0 ? {
        GantryAngle: ds(gantry), GantryRotationDirection: 'NONE', BeamLimitingDeviceAngle: '0', BeamLimitingDeviceRotationDirection: 'NONE',
        PatientSupportAngle: '0', PatientSupportRotationDirection: 'NONE', TableTopPitchAngle: 0, TableTopPitchRotationDirection: 'NONE',
        TableTopRollAngle: 0, TableTopRollRotationDirection: 'NONE', SnoutPosition: '300',
        IsocenterPosition: plan.isocentreMm.map((v) => ds(v, 2)), GantryPitchAngle: 0, GantryPitchRotationDirection: 'NONE',
      } : {}),
    });
    const w = Array(9).fill('0.0556');
    const zero = Array(9).fill('0');
    return {
      BeamNumber: number, BeamName: `F${number}`, BeamType: 'STATIC', RadiationType: 'PROTON', TreatmentMachineName: plan.machineName,
      PrimaryDosimeterUnit: 'MU', ScanMode: 'MODULATED', ModulatedScanModeType: 'STATIONARY', VirtualSourceAxisDistances: ['2000', '2000'],
      SnoutSequence: [{ SnoutID: 'S1' }],
      ReferencedPatientSetupNumber: 1, TreatmentDeliveryType: 'TREATMENT', NumberOfWedges: 0, NumberOfCompensators: 0,
      NumberOfBoli: 0, NumberOfBlocks: 0, NumberOfRangeShifters: 0, NumberOfLateralSpreadingDevices: 0, NumberOfRangeModulators: 0,
      PatientSupportType: 'TABLE', FinalCumulativeMetersetWeight: '1', NumberOfControlPoints: 4,
      IonControlPointSequence: [layer(0, 150, 0, w), layer(1, 150, 0.5, zero), layer(2, 140, 0.5, w), layer(3, 140, 1, zero)],
    };
  };
  return [field(1, 60), field(2, 180), field(3, 300)];
}
