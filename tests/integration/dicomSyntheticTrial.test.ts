/**
 * The reader on H3's in-silico trial (the shared 40-patient --small fixture): every plan is linked to the
 * CT series, structure set and dose the generator wrote (truth.json), by reference; loaded bundles carry
 * them with consistent frames of reference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPlanBundles, scanFolder } from '../../electron/node/dicomFiles';
import type { DicomIndex } from '../../electron/node/dicomFiles';
import { syntheticTrial, TRIAL } from './batchFixtures';

interface TruthRow {
  patientId: string; folder: string; radiation: string; fractions: number; ctSlices: number;
  planSopInstanceUid: string; structureSetSopInstanceUid: string; doseSopInstanceUid: string; ctSeriesInstanceUid: string;
  structureNames: Record<string, string>; missingStructures: string[];
}

describe('synthetic trial: every plan links CT, RTSTRUCT, RTPLAN and RTDOSE', () => {
  let dir = '';
  let rows: TruthRow[] = [];
  let index: DicomIndex;

  beforeAll(async () => {
    const trial = syntheticTrial(TRIAL.patients, TRIAL.centres, TRIAL.seed);
    dir = trial.dir;
    rows = (trial.truth as unknown as { patients: TruthRow[] }).patients;
    index = await scanFolder(dir);
  });

  it('indexes every patient without errors; every link is made by reference to the UIDs the generator wrote', () => {
    expect(index.errors).toEqual([]);
    expect(index.patients).toHaveLength(rows.length);
    for (const truth of rows) {
      const patient = index.patients.find((p) => p.patientId === truth.patientId);
      const plans = patient?.studies.flatMap((s) => s.plans) ?? [];
      expect(plans.map((p) => p.sopInstanceUid), truth.patientId).toEqual([truth.planSopInstanceUid]);
      const plan = plans[0];
      expect(plan.structureSetUid).toBe(truth.structureSetSopInstanceUid);
      expect(plan.structureSetLink).toBe('reference');
      expect(plan.fractionsPlanned).toBe(truth.fractions);
      expect(plan.radiationType).toBe(truth.radiation === 'photon' ? 'PHOTON' : 'PROTON');
      const structureSet = patient?.studies.flatMap((s) => s.structureSets).find((s) => s.sopInstanceUid === plan.structureSetUid);
      expect(structureSet?.ctSeriesUid).toBe(truth.ctSeriesInstanceUid);
      expect(structureSet?.ctLink).toBe('reference');
      const ct = patient?.studies.flatMap((s) => s.ctSeries).find((c) => c.seriesInstanceUid === truth.ctSeriesInstanceUid);
      expect(ct?.sliceCount).toBe(truth.ctSlices);
      const doses = patient?.studies.flatMap((s) => s.doses) ?? [];
      expect(doses.map((d) => [d.sopInstanceUid, d.planUid, d.planLink])).toEqual([[truth.doseSopInstanceUid, truth.planSopInstanceUid, 'reference']]);
    }
  });

  it('loads one photon and one proton patient as full bundles: CT geometry, ROIs named as written, summed dose on one frame of reference', async () => {
    const picks = [rows.find((r) => r.radiation === 'photon'), rows.find((r) => r.radiation !== 'photon')].filter((r): r is TruthRow => !!r);
    expect(picks.length).toBe(2);
    for (const truth of picks) {
      const { bundles, errors } = await loadPlanBundles(join(dir, truth.folder));
      expect(errors, truth.patientId).toEqual([]);
      expect(bundles).toHaveLength(1);
      const b = bundles[0];
      expect(b.plan?.sopInstanceUid).toBe(truth.planSopInstanceUid);
      expect(b.plan?.sopKind).toBe(truth.radiation === 'photon' ? 'RTPLAN' : 'RTIONPLAN');
      expect(b.ct?.grid.slices).toBe(truth.ctSlices);
      expect(b.dose?.sopInstanceUid).toBe(truth.doseSopInstanceUid);
      expect(b.dose?.units).toBe('GY');
      expect(new Set([b.ct?.frameOfReferenceUid, b.structureSet?.frameOfReferenceUid, b.dose?.frameOfReferenceUid]).size).toBe(1);
      const written = new Set(b.structureSet?.rois.map((r) => r.name));
      for (const [canonical, name] of Object.entries(truth.structureNames)) {
        if (!truth.missingStructures.includes(canonical)) expect(written.has(name), `${truth.patientId} ${name}`).toBe(true);
      }
      expect((b.dose?.dose ?? new Float32Array(1)).reduce((max: number, d: number) => Math.max(max, d), 0)).toBeGreaterThan(0);
    }
  });
});
