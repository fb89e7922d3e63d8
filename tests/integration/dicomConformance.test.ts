/**
 * pydicom's public RT test files (MIT): known stored values from pydicom's own tests
 * (../shared/data/dicom-conformance/pydicom/README.md), big-endian and RLE files equal to implicit LE,
 * bare data sets without preamble/meta.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { mapStructureSet } from '../../electron/common/domain/dicom/mapStructureSet';
import { mapPlan } from '../../electron/common/domain/dicom/mapPlan';
import { loadDoseFile } from '../../electron/node/dicomFiles/loadDoseFile';
import { loadPlanBundles, readDicomFile, scanFolder } from '../../electron/node/dicomFiles';
import { CONFORMANCE_DIR } from './helpers/sharedData';

const DIR = CONFORMANCE_DIR;
const here = existsSync(DIR) ? describe : describe.skip;
const SCALING = 1e-6; // DoseGridScaling of these files

/** stored value at (column, row, frame) recovered from the scaled Float32 dose (exact to < 0.1 of a unit) */
function stored(dose: Float32Array, column: number, row: number, frame: number): number {
  return Math.round(dose[column + 10 * (row + 10 * frame)] / SCALING);
}

here('pydicom RT conformance files', () => {
  it('rtdose.dcm (implicit VR LE, 32-bit, 15 frames) reproduces pydicom\'s stored values', async () => {
    const { dose } = await loadDoseFile(join(DIR, 'rtdose.dcm'));
    expect([dose.grid.columns, dose.grid.rows, dose.grid.slices]).toEqual([10, 10, 15]);
    expect(dose.grid.originMm).toEqual([189.43125, 199.43125, -761.87]);
    expect(dose.grid.sliceOffsetsMm).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70]);
    expect(dose.grid.columnSpacingMm).toBe(10);
    expect(dose.units).toBe('RELATIVE');
    expect(dose.summationType).toBe('BEAM');
    const expected: Record<number, number[][]> = {
      0: [[1249000, 1249000, 1250000], [1031000, 1029000, 1027000], [803000, 801000, 798000]],
      7: [[1253000, 1253000, 1249000], [1026000, 1023000, 1022000], [803000, 803000, 803000]],
      14: [[1249000, 1250000, 1251000], [1031000, 1031000, 1031000], [801000, 800000, 799000]],
    };
    for (const [frameText, [row0, row4, last]] of Object.entries(expected)) {
      const frame = Number(frameText);
      expect([0, 1, 2].map((c) => stored(dose.dose, c, 0, frame))).toEqual(row0);
      expect([3, 4, 5].map((c) => stored(dose.dose, c, 4, frame))).toEqual(row4);
      expect([7, 8, 9].map((c) => stored(dose.dose, c, 9, frame))).toEqual(last);
    }
  });

  it('explicit big endian and RLE Lossless decode to exactly the implicit LE array; 1-frame file equals frame 1', async () => {
    const reference = (await loadDoseFile(join(DIR, 'rtdose.dcm'))).dose.dose;
    const bigEndian = (await loadDoseFile(join(DIR, 'rtdose_expb.dcm'))).dose.dose;
    const rle = (await loadDoseFile(join(DIR, 'rtdose_rle.dcm'))).dose.dose;
    const oneFrame = (await loadDoseFile(join(DIR, 'rtdose_1frame.dcm'))).dose;
    expect(Array.from(bigEndian)).toEqual(Array.from(reference));
    expect(Array.from(rle)).toEqual(Array.from(reference));
    expect(oneFrame.grid.slices).toBe(1);
    expect(Array.from(oneFrame.dose)).toEqual(Array.from(reference.subarray(0, 100)));
  });

  it('rtstruct.dcm without preamble or meta: ROIs, colours, types, contours and POINT ROIs', async () => {
    const parsed = await readDicomFile(join(DIR, 'rtstruct.dcm'));
    expect(parsed.hasFileMeta).toBe(false);
    const { structureSet, problems } = mapStructureSet(parsed.dataset);
    expect(problems).toEqual([]);
    expect(structureSet.label).toBe('sep30');
    expect(structureSet.frameOfReferenceUid).toBe('1.2.826.0.1.3680043.8.498.2010020400001.2');
    expect(structureSet.referencedSeriesUid).toBe('1.2.826.0.1.3680043.8.498.2010020400001.2.1.1');
    expect(structureSet.rois.map((r) => [r.roiNumber, r.name, r.interpretedType, r.isPoint])).toEqual([
      [1, 'patient', 'EXTERNAL', false], [2, 'Isocenter 1', 'ISOCENTER', true], [3, 'Isocenter 2', 'ISOCENTER', true],
    ]);
    const patient = structureSet.rois[0];
    expect(patient.colorRgb).toEqual([220, 160, 120]);
    expect(patient.contours.map((c) => [c.geometricType, c.pointsMm.length / 3, c.pointsMm[2]])).toEqual([
      ['CLOSED_PLANAR', 5, -200], ['CLOSED_PLANAR', 6, -190], ['CLOSED_PLANAR', 6, -180],
    ]);
    // the file writes '-0' for y; -0 + 0 is +0
    expect(Array.from(structureSet.rois[1].contours[0].pointsMm, (v) => v + 0)).toEqual([0, 0, 0]);
  });

  it('rtplan.dcm: label, prescription from the TARGET dose reference, fractions, beams, planning system', async () => {
    const { plan, warnings } = mapPlan((await readDicomFile(join(DIR, 'rtplan.dcm'))).dataset);
    expect(warnings).toEqual([]);
    expect(plan.label).toBe('Plan1');
    expect(plan.sopKind).toBe('RTPLAN');
    expect(plan.prescriptionGy).toBeCloseTo(30.826203, 6);
    expect(plan.fractionsPlanned).toBe(30);
    expect(plan.radiationType).toBe('PHOTON');
    expect(plan.beams.map((b) => [b.beamNumber, b.name, b.gantryAngleDeg])).toEqual([[1, 'Field 1', 0]]);
    expect(plan.referencedStructureSetUid).toBe('1.2.333.444.55.6.7777.88888');
    expect(plan.planningSystem).toBe('Treatment Planning System name here');
  });

  it('scanFolder and loadPlanBundles read the folder: duplicates and the README are notes, nothing fails', async () => {
    const index = await scanFolder(DIR);
    expect(index.errors).toEqual([]);
    expect(index.fileCount).toBe(7);
    expect(index.notes.filter((n) => n.includes('not a DICOM file'))).toEqual([`${join(DIR, 'README.md')}: skipped, not a DICOM file`]);
    expect(index.notes.filter((n) => n.includes('duplicate of SOP instance'))).toHaveLength(3);
    const { bundles, errors } = await loadPlanBundles(DIR);
    expect(errors).toEqual([]);
    const planBundle = bundles.find((b) => b.plan !== null);
    expect(planBundle?.plan?.label).toBe('Plan1');
    const doseBundle = bundles.find((b) => b.dose !== null);
    expect(doseBundle?.dose?.grid.slices).toBe(15);
  });
});
