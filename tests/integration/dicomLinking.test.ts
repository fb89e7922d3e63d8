/**
 * Linking by UID references and the frame-of-reference fallback, plans of every kind (ion, fractions as a
 * string, no fraction group, prescription only from beam doses), and RTSTRUCT + RTDOSE without a plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanBundles, scanFolder } from '../../electron/node/dicomFiles';
import type { DicomIndex, LoadedBundles } from '../../electron/node/dicomFiles';
import { ctSlice, dose, plan, structureSet, writeDataset } from './helpers/writeRtFixtures';
import type { Ids } from './helpers/writeRtFixtures';

const SQUARE = [0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0];
const doseOf = (ids: Ids, sopUid: string, planUid: string | null) => dose(ids, { sopUid, planUid, summationType: 'PLAN',
  originMm: [0, 0, 0], pixelSpacingMm: [5, 5], rows: 2, columns: 2, gridFrameOffsets: [0, 5], doseGy: [1, 2, 3, 4, 5, 6, 7, 8] });

describe('linking and plan kinds', () => {
  let index: DicomIndex;
  let loaded: LoadedBundles;
  const ids = (n: number): Ids => ({ patientId: `LINK${n}`, studyUid: `1.2.826.0.1.6.${n}`, frameUid: `1.2.826.0.1.6.${n}.9` });

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'rtqa-link-'));
    // 1: no references at all → CT by frame of reference, plan → RTSTRUCT by frame of reference, dose → plan likewise
    const a = ids(1);
    mkdirSync(join(root, 'a'));
    for (let k = 0; k < 2; k++) {
      writeDataset(join(root, 'a', `ct${k}.dcm`), ctSlice(a, { sopUid: `${a.studyUid}.1.${k}`, seriesUid: `${a.studyUid}.1`,
        positionMm: [0, 0, 3 * k], orientation: [1, 0, 0, 0, 1, 0], pixelSpacingMm: [1, 1], rows: 2, columns: 2, stored: new Int16Array(4) }));
    }
    writeDataset(join(root, 'a', 'rs.dcm'), structureSet(a, `${a.studyUid}.2`, null, [{ number: 1, name: 'PTV', type: 'PTV', contours: [SQUARE] }]));
    writeDataset(join(root, 'a', 'rp.dcm'), plan(a, { sopUid: `${a.studyUid}.3`, label: 'FALLBACK', structureSetUid: null, prescriptionGy: 66, fractions: '33' }));
    writeDataset(join(root, 'a', 'rd.dcm'), doseOf(a, `${a.studyUid}.4`, null));
    // 2: proton plan (RT Ion Plan), no FractionGroupSequence (de-identified export)
    const b = ids(2);
    mkdirSync(join(root, 'b'));
    writeDataset(join(root, 'b', 'rs.dcm'), structureSet(b, `${b.studyUid}.2`, null, [{ number: 1, name: 'CTV', type: 'CTV', contours: [SQUARE] }]));
    writeDataset(join(root, 'b', 'rp.dcm'), plan(b, { sopUid: `${b.studyUid}.3`, label: 'PROTON', structureSetUid: `${b.studyUid}.2`, prescriptionGy: 70, ion: true }));
    writeDataset(join(root, 'b', 'rd.dcm'), doseOf(b, `${b.studyUid}.4`, `${b.studyUid}.3`));
    // 3: no TargetPrescriptionDose: prescription = Σ BeamDose × fractions = (1.1 + 0.9) × 30 = 60 Gy
    const c = ids(3);
    mkdirSync(join(root, 'c'));
    writeDataset(join(root, 'c', 'rp.dcm'), plan(c, { sopUid: `${c.studyUid}.3`, label: 'BEAMDOSE', structureSetUid: null, fractions: 30, beamDosesGy: [1.1, 0.9] }));
    // 4: RTSTRUCT + RTDOSE without a plan
    const d = ids(4);
    mkdirSync(join(root, 'd'));
    writeDataset(join(root, 'd', 'rs.dcm'), structureSet(d, `${d.studyUid}.2`, null, [{ number: 1, name: 'PTV', type: 'PTV', contours: [SQUARE] }]));
    writeDataset(join(root, 'd', 'rd.dcm'), doseOf(d, `${d.studyUid}.4`, null));
    index = await scanFolder(root);
    loaded = await loadPlanBundles(root);
  });

  it('falls back to the frame of reference when references are missing, and says so', () => {
    const methods = index.links.filter((l) => l.fromUid.startsWith('1.2.826.0.1.6.1.')).map((l) => `${l.fromKind}->${l.toKind}:${l.method}`);
    expect(methods.sort()).toEqual(['RTDOSE->RTPLAN:frameOfReference', 'RTPLAN->RTSTRUCT:frameOfReference', 'RTSTRUCT->CT:frameOfReference']);
    expect(index.notes.filter((n) => n.includes('/a/') && n.includes('by frame of reference'))).toHaveLength(3);
    const bundle = loaded.bundles.find((x) => x.patientId === 'LINK1');
    expect(bundle?.ct?.grid.slices).toBe(2);
    expect(bundle?.dose).toBeTruthy();
    expect(bundle?.plan?.fractionsPlanned).toBe(33); // written as the string '33'
    expect(bundle?.warnings.some((w) => w.includes('frame of reference'))).toBe(true);
  });

  it('reads an RT Ion Plan as a proton plan; missing fraction group gives null fractions with a warning', () => {
    const bundle = loaded.bundles.find((x) => x.patientId === 'LINK2');
    expect(bundle?.plan?.sopKind).toBe('RTIONPLAN');
    expect(bundle?.plan?.radiationType).toBe('PROTON');
    expect(bundle?.plan?.beams).toHaveLength(2);
    expect(bundle?.plan?.fractionsPlanned).toBeNull();
    expect(bundle?.warnings).toContain('plan has no FractionGroupSequence (300A,0070): number of fractions unknown');
    expect(bundle?.structureSet?.rois[0].name).toBe('CTV');
  });

  it('takes the prescription from the beam doses when no TargetPrescriptionDose is written', () => {
    const bundle = loaded.bundles.find((x) => x.patientId === 'LINK3');
    expect(bundle?.plan?.prescriptionGy).toBeCloseTo(60, 9);
    expect(bundle?.warnings.some((w) => w.includes('taken from the fraction group'))).toBe(true);
  });

  it('makes a bundle from RTSTRUCT + RTDOSE alone (CT and RTPLAN are optional)', () => {
    const bundle = loaded.bundles.find((x) => x.patientId === 'LINK4');
    expect(bundle?.plan).toBeNull();
    expect(bundle?.ct).toBeNull();
    expect(bundle?.structureSet?.rois).toHaveLength(1);
    expect(Array.from(bundle?.dose?.dose ?? [])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(loaded.errors).toEqual([]);
  });
});
