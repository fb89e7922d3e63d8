import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateDvh } from '../../electron/common/domain/dvh/calculateDvh';
import { parseProtocolYaml } from '../../electron/common/domain/protocol/parseProtocolYaml';
import type { Protocol } from '../../electron/common/domain/protocol/protocolSchema';
import type { RtPlanBundle } from '../../electron/common/domain/rt';
import { gradeOf } from '../../electron/common/domain/synth/gradeBands';
import { listFilesRecursive, loadPlanBundles } from '../../electron/node/dicomFiles';
import { generateTrial, type TrialTruth } from '../../electron/node/synth/generateTrial';
import { synthProtocolPath } from '../../electron/node/synth/synthProtocolPath';

/**
 * The issue-3 bars on a 6-patient, 2-centre cohort (--small): dciodvfy reports no error on any file, the
 * project's reader links CT, RTSTRUCT, RTPLAN and RTDOSE for every plan, and every constraint value the
 * truth states is reproduced by the project's DVH engine (calculateDvh) from the files, in the same grade band.
 */
let dir = '';
let truth: TrialTruth;
let bundles: RtPlanBundle[] = [];
let protocol: Protocol;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rtqa-synth-'));
  // seed 1670 plants all six deviation kinds, a proton plan and per-protocol plans in 6 patients (asserted below)
  truth = await generateTrial({ outDir: dir, patients: 6, centres: 2, seed: 1670, small: true });
  bundles = (await loadPlanBundles(dir)).bundles;
  protocol = parseProtocolYaml(readFileSync(synthProtocolPath(), 'utf8'), 'synthetic-hn-trial-1.0.yaml');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const hasDciodvfy = spawnSync('sh', ['-c', 'command -v dciodvfy'], { encoding: 'utf8' }).status === 0;

describe('synthetic trial files', () => {
  it.skipIf(!hasDciodvfy)('dciodvfy reports no error on any file (CT, RTSTRUCT, RTPLAN/RT Ion Plan, RTDOSE)', async () => {
    const files = (await listFilesRecursive(dir)).filter((f) => f.endsWith('.dcm'));
    expect(files.length).toBe(truth.patients.reduce((n, p) => n + p.ctSlices + 3, 0));
    const failures: string[] = [];
    const iods = new Set<string>();
    // a few dciodvfy processes at a time: ~650 files
    const queue = [...files];
    await Promise.all(Array.from({ length: 3 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const text = await new Promise<string>((done) => execFile('dciodvfy', [file], (_e, out, err) => done(`${out}${err}`)));
        const errors = text.split('\n').filter((line) => line.startsWith('Error') || line.includes('Assertion'));
        if (errors.length > 0) failures.push(`${file}: ${errors.join(' | ')}`);
        const iod = /^(CTImage|RTStructureSet|RTPlan|RTIonPlan|RTDose)$/m.exec(text);
        if (iod) iods.add(iod[1]);
      }
    }));
    expect(failures).toEqual([]);
    expect([...iods].sort()).toEqual(['CTImage', 'RTDose', 'RTIonPlan', 'RTPlan', 'RTStructureSet']);
  });
  if (!hasDciodvfy) it('dciodvfy check skipped: dciodvfy (Debian dicom3tools) is not installed', () => undefined);

  it('the project reader links CT, RTSTRUCT, RTPLAN and RTDOSE of every patient', () => {
    expect(bundles).toHaveLength(truth.patients.length);
    for (const p of truth.patients) {
      const b = bundles.find((x) => x.patientId === p.patientId);
      expect(b, p.patientId).toBeDefined();
      expect(b!.plan?.sopInstanceUid).toBe(p.planSopInstanceUid);
      expect(b!.structureSet?.sopInstanceUid).toBe(p.structureSetSopInstanceUid);
      expect(b!.dose?.sopInstanceUid).toBe(p.doseSopInstanceUid);
      expect(b!.ct?.seriesInstanceUid).toBe(p.ctSeriesInstanceUid);
      expect(b!.plan?.sopKind).toBe(p.radiation === 'proton' ? 'RTIONPLAN' : 'RTPLAN');
      expect(b!.plan?.fractionsPlanned).toBe(p.fractions);
      expect(b!.structureSet!.rois.map((r) => r.name).sort()).toEqual(Object.keys(p.structureNames).sort());
    }
  });

  it('truth is consistent: the DVH engine grades every stated constraint value (deviations included) in the same band', () => {
    let checked = 0, deviationsChecked = 0;
    const report: string[] = [];
    for (const p of truth.patients) {
      const b = bundles.find((x) => x.patientId === p.patientId)!;
      for (const [constraintId, stated] of Object.entries(p.constraintValues)) {
        const c = protocol.constraints.find((x) => x.id === constraintId)!;
        const writtenName = Object.keys(p.structureNames).find((n) => p.structureNames[n] === stated.structure)!;
        const roi = b.structureSet!.rois.find((r) => r.name === writtenName)!;
        const dvh = calculateDvh(roi, b.dose!);
        if ('error' in dvh) throw new Error(`${p.patientId} ${writtenName}: ${dvh.error}`);
        const rxGy = Number(b.plan!.doseReferences.find((d) => d.description === writtenName)?.prescriptionGy);
        const raw = dvh.metric(c.metric)!.value;
        const value = c.unit === '%Rx' ? (100 * raw) / rxGy : raw;
        const grade = gradeOf(c, value);
        report.push(`${p.patientId} ${constraintId} stated ${stated.value} (${stated.grade}) engine ${value.toFixed(3)} (${grade})`);
        expect(grade, report[report.length - 1]).toBe(stated.grade);
        // the generator computed its truth with this same engine on the same polygons: only the files' rounding
        // differs (contours to 0.01 mm, dose to 16 bits ≈ 1.2 mGy steps), so the values agree to 0.05 (Gy or %)
        expect(Math.abs(value - stated.value), report[report.length - 1]).toBeLessThan(0.05);
        checked++;
        if (stated.grade !== 'per_protocol') {
          const dev = p.deviations.find((d) => d.constraintId === constraintId)!;
          expect(dev.grade).toBe(grade);
          deviationsChecked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(deviationsChecked).toBeGreaterThan(0);
  });

  it('plans stated per protocol have every constraint in the per-protocol band, the right fractions and grid, and all required structures', () => {
    const perProtocol = truth.patients.filter((p) => p.expectedGrade === 'per_protocol');
    expect(perProtocol.length).toBeGreaterThan(0);
    for (const p of perProtocol) {
      expect(Object.values(p.constraintValues).every((v) => v.grade === 'per_protocol')).toBe(true);
      expect(p.fractions).toBe(p.schedule.startsWith('postop') ? 33 : 35);
      expect(p.doseGridSpacingMm).toBeLessThanOrEqual(protocol.maxDoseGridSpacingMm!.perProtocol);
      const written = new Set([...Object.values(p.structureNames), ...Object.values(p.targetRoles)]);
      for (const required of protocol.requiredStructures) expect(written.has(required), `${p.patientId} ${required}`).toBe(true);
    }
  });

  it('the cohort exercises every deviation kind, both grades, photons and protons', () => {
    const kinds = new Set(truth.patients.flatMap((p) => p.deviations.map((d) => d.kind)));
    for (const kind of ['organ_overdose', 'target_undercoverage', 'wrong_fractionation', 'missing_structure', 'laterality_swap', 'dose_grid_too_coarse']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(new Set(truth.patients.flatMap((p) => p.deviations.map((d) => d.grade)))).toEqual(new Set(['minor', 'major']));
    expect(new Set(truth.patients.map((p) => p.radiation))).toEqual(new Set(['photon', 'proton']));
  });

  it('planted non-dose deviations are really in the files', () => {
    for (const p of truth.patients) {
      const b = bundles.find((x) => x.patientId === p.patientId)!;
      for (const d of p.deviations) {
        if (d.kind === 'wrong_fractionation') expect(b.plan!.fractionsPlanned).toBe(d.value);
        if (d.kind === 'dose_grid_too_coarse') expect(b.dose!.grid.columnSpacingMm).toBeCloseTo(d.value!, 6);
        if (d.kind === 'missing_structure') expect(Object.values(p.structureNames)).not.toContain(d.structure);
        if (d.kind === 'laterality_swap') {
          // the ROI named as the left parotid lies on the patient's right (x < 0 in LPS)
          const name = Object.keys(p.structureNames).find((n) => p.structureNames[n] === 'Parotid_L')!;
          const roi = b.structureSet!.rois.find((r) => r.name === name)!;
          expect(roi.contours[0].pointsMm[0]).toBeLessThan(0);
        }
      }
    }
  });
});
