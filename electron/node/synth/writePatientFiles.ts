import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writtenName } from '../../common/domain/synth/centreNaming';
import type { PatientSpec } from '../../common/domain/synth/drawCohort';
import { makeNoiseTable } from '../../common/domain/synth/fillCtSlice';
import { uidUnder } from '../../common/domain/synth/makeUidRoot';
import type { ImagingSize, PatientPlan } from '../../common/domain/synth/planPatient';
import { SeededRandom } from '../../common/domain/synth/seededRandom';
import type { PatientDicomContext } from './patientModules';
import { writeCtSeries } from './writeCtSeries';
import { writeRtDose } from './writeRtDose';
import { writeRtPlan } from './writeRtPlan';
import { writeRtStruct, type RoiToWrite } from './writeRtStruct';

export interface WrittenPatient {
  /** folder of the patient's files, relative to the trial folder */
  readonly folder: string;
  /** name as written in the RTSTRUCT → TG-263 name the written name stands for */
  readonly structureNames: Record<string, string>;
  readonly studyInstanceUid: string;
  readonly planSopInstanceUid: string;
  readonly structureSetSopInstanceUid: string;
  readonly doseSopInstanceUid: string;
  readonly ctSeriesInstanceUid: string;
  readonly ctSlices: number;
}

/**
 * Writes one patient's planning-system export under trialDir/<centre code>/<patient id>/: CT.nnn.dcm,
 * RS.dcm (structure names in the centre's style; a planted laterality swap exchanges the parotid names),
 * RP.dcm (RT Plan or RT Ion Plan) and RD.dcm.
 */
export function writePatientFiles(trialDir: string, spec: PatientSpec, plan: PatientPlan, size: ImagingSize, uidRoot: string, patientIndex: number, seed: string | number): WrittenPatient {
  const folder = join(spec.centre.code, spec.patientId);
  const dir = join(trialDir, folder);
  mkdirSync(dir, { recursive: true });
  const root = uidUnder(uidRoot, patientIndex + 1);
  const studyDate = spec.planDate.replace(/-/g, '');
  const birthYear = Number(spec.planDate.slice(0, 4)) - spec.age;
  const ctx: PatientDicomContext = {
    patientId: spec.patientId, patientName: `Synthetic^${spec.patientId}`, birthDate: `${birthYear}0701`, sex: spec.sex,
    studyInstanceUid: uidUnder(root, 1), studyDate, studyId: String(patientIndex + 1), frameOfReferenceUid: uidUnder(root, 9),
    institutionName: spec.centre.institutionName, manufacturer: spec.centre.manufacturer, uidRoot: root,
  };
  const rng = new SeededRandom(`${seed}/${spec.patientId}/files`);
  const half = ((size.ctColumns - 1) / 2) * size.ctPixelMm;
  const geometry = {
    lattice: { x0Mm: -half, y0Mm: -half + 12, dxMm: size.ctPixelMm, dyMm: size.ctPixelMm, columns: size.ctColumns, rows: size.ctColumns },
    slicePositionsMm: plan.ctPlanesMm, sliceThicknessMm: size.ctSliceMm,
  };
  const ct = writeCtSeries(dir, ctx, plan.anatomy, geometry, makeNoiseTable(() => rng.next()));

  const swap = spec.deviations.some((d) => d.kind === 'laterality_swap');
  const structureNames: Record<string, string> = {};
  const rois: RoiToWrite[] = [];
  const nameRng = rng.fork('names');
  for (const s of plan.anatomy.structures) {
    if (!plan.presentStructures.has(s.name)) continue;
    // the swap writes the left gland's contour under the right gland's name and vice versa
    const labelled = swap && s.name === 'Parotid_L' ? 'Parotid_R' : swap && s.name === 'Parotid_R' ? 'Parotid_L' : s.name;
    let name = writtenName(spec.centre.namingStyle, labelled, nameRng, spec.centre.misspellRate);
    while (structureNames[name] !== undefined) name = `${name}_1`;
    structureNames[name] = labelled;
    rois.push({ roiNumber: rois.length + 1, name, interpretedType: s.interpretedType, colorRgb: s.colorRgb, shape: s.shape });
  }
  const structureSetUid = writeRtStruct(join(dir, 'RS.dcm'), ctx, ct, geometry, rois, plan.contourStepMm);

  const targets = plan.anatomy.targetLevels.map((level) => {
    const roi = rois.find((r) => structureNames[r.name] === level.ptvName);
    return { ptvName: roi?.name ?? level.ptvName, roiNumber: roi?.roiNumber ?? 1, doseGy: level.doseGy };
  });
  const high = plan.anatomy.structures.find((s) => s.name === plan.anatomy.targetLevels[0]?.ptvName)?.shape;
  const isocentre: [number, number, number] = high && high.kind === 'ellipsoid' ? [high.centreMm[0], high.centreMm[1], high.centreMm[2]] : [0, 0, 0];
  const planRef = writeRtPlan(join(dir, 'RP.dcm'), ctx, {
    label: `HN_${spec.radiation === 'proton' ? 'IMPT' : 'VMAT'}`, radiation: spec.radiation, fractions: plan.fractions, targets,
    structureSetUid, isocentreMm: isocentre, planDate: studyDate, machineName: spec.radiation === 'proton' ? 'PBS_G1' : 'LINAC_1',
  });
  const doseUid = writeRtDose(join(dir, 'RD.dcm'), ctx, plan.doseGrid, planRef, spec.radiation);
  return {
    folder, structureNames, studyInstanceUid: ctx.studyInstanceUid, planSopInstanceUid: planRef.sopInstanceUid,
    structureSetSopInstanceUid: structureSetUid, doseSopInstanceUid: doseUid, ctSeriesInstanceUid: ct.seriesInstanceUid, ctSlices: ct.sopInstanceUids.length,
  };
}
