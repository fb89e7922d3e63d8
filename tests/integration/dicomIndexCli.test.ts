/**
 * `rtqa index PATH`: the readable summary and --json, exit codes 0 (all read), 2 (some files failed),
 * 1 (usage error), run through the built CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, rtqa } from './batchFixtures';
import { ctSlice, dose, plan, structureSet, writeDataset } from './helpers/writeRtFixtures';

const SQUARE = [0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0];

describe('rtqa index', () => {
  let good = '';
  let mixed = '';
  beforeAll(() => {
    buildCli();
    const root = mkdtempSync(join(tmpdir(), 'rtqa-index-cli-'));
    good = join(root, 'good');
    mixed = join(root, 'mixed');
    for (const dir of [good, mixed]) {
      mkdirSync(dir);
      const ids = { patientId: 'CLI1', studyUid: '1.2.826.0.1.4.1', frameUid: '1.2.826.0.1.4.1.9' };
      for (let k = 0; k < 4; k++) {
        writeDataset(join(dir, `ct${k}.dcm`), ctSlice(ids, { sopUid: `1.2.826.0.1.4.1.1.${k}`, seriesUid: '1.2.826.0.1.4.1.1',
          positionMm: [0, 0, 2.5 * k], orientation: [1, 0, 0, 0, 1, 0], pixelSpacingMm: [0.98, 0.98], rows: 2, columns: 2, stored: new Int16Array(4) }));
      }
      writeDataset(join(dir, 'rs.dcm'), structureSet(ids, '1.2.826.0.1.4.1.2', '1.2.826.0.1.4.1.1', [
        { number: 1, name: 'PTV70', type: 'PTV', contours: [SQUARE] }, { number: 2, name: 'Parotid_L', type: 'ORGAN', contours: [SQUARE] }]));
      writeDataset(join(dir, 'rp.dcm'), plan(ids, { sopUid: '1.2.826.0.1.4.1.3', label: 'HN_VMAT', structureSetUid: '1.2.826.0.1.4.1.2', prescriptionGy: 70, fractions: 35 }));
      writeDataset(join(dir, 'rd.dcm'), dose(ids, { sopUid: '1.2.826.0.1.4.1.4', planUid: '1.2.826.0.1.4.1.3', summationType: 'PLAN',
        originMm: [0, 0, 0], pixelSpacingMm: [2.5, 2.5], rows: 2, columns: 2, gridFrameOffsets: [0, 2.5], doseGy: [1, 2, 3, 4, 5, 6, 7, 8] }));
    }
    writeFileSync(join(mixed, 'broken.dcm'), 'not dicom at all');
  });

  it('prints patients, CT, structure set, plan and dose with how each was linked; exit 0', () => {
    const run = rtqa(['index', good]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('patient CLI1');
    expect(run.stdout).toMatch(/CT series .*: 4 slices of 2×2, pixel 0\.98×0\.98 mm, slice spacing 2\.5 mm, HFS/);
    expect(run.stdout).toMatch(/RTSTRUCT "TEST": 2 ROIs/);
    expect(run.stdout).toMatch(/RTPLAN "HN_VMAT": 70 Gy in 35 fractions, PHOTON, 2 beams/);
    expect(run.stdout).toMatch(/RTDOSE PLAN: grid 2×2×2, spacing 2\.5×2\.5×2\.5 mm, GY/);
    expect(run.stdout).toMatch(/→ plan "HN_VMAT" by reference/);
    expect(run.stdout.match(/by reference/g)).toHaveLength(3);
  });

  it('--json gives the index; a bad file makes exit code 2 with its error line', () => {
    const run = rtqa(['index', mixed, '--json']);
    expect(run.status).toBe(2);
    const index = JSON.parse(run.stdout);
    expect(index.errors).toEqual([{ file: join(mixed, 'broken.dcm'), message: 'not a DICOM file (no DICM marker and no recognisable data set)' }]);
    expect(index.patients[0].studies[0].plans[0].label).toBe('HN_VMAT');
    expect(index.links).toHaveLength(3);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing path is a usage error (exit 1)', () => {
    const run = rtqa(['index', join(good, 'nope')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no such file or folder');
  });
});
