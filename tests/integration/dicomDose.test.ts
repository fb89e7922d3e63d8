/**
 * RTDOSE grids: GridFrameOffsetVector in relative and absolute form, and summation of per-beam doses on one
 * grid (exact) and on different grids (trilinear resampling: exact for a linear field inside the grids).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { voxelCentreMm } from '../../electron/common/domain/geometry/resampleDose';
import { loadPlanBundles } from '../../electron/node/dicomFiles';
import { loadDoseFile } from '../../electron/node/dicomFiles/loadDoseFile';
import type { RtPlanBundle } from '../../electron/common/domain/rt';
import { dose, plan, structureSet, writeDataset } from './helpers/writeRtFixtures';

const SQUARE = (z: number) => [0, 0, z, 10, 0, z, 10, 10, z, 0, 10, z];
/** a linear dose field, Gy, of patient LPS mm */
const linearA = (p: readonly number[]) => 10 + 0.2 * p[0] - 0.1 * p[1] + 0.05 * p[2];
const linearB = (p: readonly number[]) => 5 - 0.03 * p[0] + 0.07 * p[1] + 0.02 * p[2];

function fieldOn(grid: { columns: number; rows: number; offsets: number[]; origin: number[]; spacing: [number, number]; iop?: number[] },
  f: (p: number[]) => number): number[] {
  const iop = grid.iop ?? [1, 0, 0, 0, 1, 0];
  const normal = [iop[1] * iop[5] - iop[2] * iop[4], iop[2] * iop[3] - iop[0] * iop[5], iop[0] * iop[4] - iop[1] * iop[3]];
  const out: number[] = [];
  for (const offset of grid.offsets) {
    for (let j = 0; j < grid.rows; j++) {
      for (let i = 0; i < grid.columns; i++) {
        out.push(f([0, 1, 2].map((d) => grid.origin[d] + i * grid.spacing[1] * iop[d] + j * grid.spacing[0] * iop[3 + d] + offset * normal[d])));
      }
    }
  }
  return out;
}

describe('RTDOSE GridFrameOffsetVector', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rtqa-gfov-'));
  });
  const ids = { patientId: 'GFOV', studyUid: '1.2.826.0.1.8.1', frameUid: '1.2.826.0.1.8.1.1' };
  const doseGy = Array.from({ length: 2 * 2 * 3 }, (_, n) => n);

  it('relative (first element 0) and absolute (z coordinates) forms give the same grid, head first supine', async () => {
    writeDataset(join(dir, 'relative.dcm'), dose(ids, { sopUid: '1.2.826.0.1.8.2', planUid: null, summationType: 'PLAN',
      originMm: [1, 2, -40], pixelSpacingMm: [2, 2], rows: 2, columns: 2, gridFrameOffsets: [0, 3, 6], doseGy }));
    writeDataset(join(dir, 'absolute.dcm'), dose(ids, { sopUid: '1.2.826.0.1.8.3', planUid: null, summationType: 'PLAN',
      originMm: [1, 2, -40], pixelSpacingMm: [2, 2], rows: 2, columns: 2, gridFrameOffsets: [-40, -37, -34], doseGy }));
    const relative = (await loadDoseFile(join(dir, 'relative.dcm'))).dose;
    const absolute = (await loadDoseFile(join(dir, 'absolute.dcm'))).dose;
    expect(relative.grid.sliceOffsetsMm).toEqual([0, 3, 6]);
    expect(absolute.grid.sliceOffsetsMm).toEqual([0, 3, 6]);
    expect(voxelCentreMm(absolute.grid, 1, 1, 2)).toEqual([3, 4, -34]);
  });

  it('absolute form on a feet-first grid (normal −z) becomes positive offsets along the normal', async () => {
    writeDataset(join(dir, 'ffs.dcm'), dose(ids, { sopUid: '1.2.826.0.1.8.4', planUid: null, summationType: 'PLAN',
      originMm: [1, 2, -40], orientation: [-1, 0, 0, 0, 1, 0], pixelSpacingMm: [2, 2], rows: 2, columns: 2,
      gridFrameOffsets: [-40, -43, -46], doseGy }));
    const ffs = (await loadDoseFile(join(dir, 'ffs.dcm'))).dose;
    expect(ffs.grid.sliceDirection.map((v) => v + 0)).toEqual([0, 0, -1]);
    expect(ffs.grid.sliceOffsetsMm).toEqual([0, 3, 6]);
    // the z of frame k is the k-th absolute value
    expect([0, 1, 2].map((k) => voxelCentreMm(ffs.grid, 0, 0, k)[2])).toEqual([-40, -43, -46]);
    expect(voxelCentreMm(ffs.grid, 1, 0, 0)[0]).toBe(-1); // columns run towards the patient's right
  });
});

describe('dose summation of per-beam files', () => {
  let bundles: RtPlanBundle[] = [];
  const gridA = { columns: 6, rows: 5, offsets: [0, 2, 4, 6], origin: [-5, -4, -3], spacing: [2, 2] as [number, number] };
  // grid B: finer, shifted, feet-first orientation, entirely inside grid A
  const gridB = { columns: 5, rows: 4, offsets: [0, 1.5, 3], origin: [4.2, -2.7, -1.4], spacing: [1.3, 1.1] as [number, number],
    iop: [-1, 0, 0, 0, 1, 0] };

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'rtqa-sum-'));
    // patient SAME: two beams on one grid; patient DIFF: two beams on different grids; patient PREF: PLAN + beams
    for (const name of ['SAME', 'DIFF', 'PREF']) {
      const dir = join(root, name);
      mkdirSync(dir);
      const ids = { patientId: name, studyUid: `1.2.826.0.1.7.${name.length}${name.charCodeAt(0)}`, frameUid: `1.2.826.0.1.7.${name.charCodeAt(0)}.1` };
      const rs = `${ids.studyUid}.2`;
      const rp = `${ids.studyUid}.3`;
      writeDataset(join(dir, 'rs.dcm'), structureSet(ids, rs, null, [{ number: 1, name: 'PTV', type: 'PTV', contours: [SQUARE(0)] }]));
      writeDataset(join(dir, 'rp.dcm'), plan(ids, { sopUid: rp, label: name, structureSetUid: rs, prescriptionGy: 70, fractions: 35 }));
      const beam = (n: number, g: typeof gridA & { iop?: number[] }, f: (p: number[]) => number, type = 'BEAM') => dose(ids, {
        sopUid: `${ids.studyUid}.4.${n}`, planUid: rp, summationType: type, beamNumber: type === 'BEAM' ? n : undefined,
        originMm: g.origin as [number, number, number], orientation: g.iop, pixelSpacingMm: g.spacing,
        rows: g.rows, columns: g.columns, gridFrameOffsets: g.offsets, doseGy: fieldOn(g, f), scaling: 1e-6,
      });
      writeDataset(join(dir, 'rd1.dcm'), beam(1, gridA, linearA));
      writeDataset(join(dir, 'rd2.dcm'), beam(2, name === 'DIFF' ? gridB : gridA, linearB));
      if (name === 'PREF') writeDataset(join(dir, 'rdplan.dcm'), beam(9, gridA, (p) => linearA(p) + linearB(p), 'PLAN'));
    }
    ({ bundles } = await loadPlanBundles(root));
  });

  it('two beams on the same grid sum voxel by voxel (exact to the 1e-6 Gy storage step)', () => {
    const b = bundles.find((x) => x.patientId === 'SAME');
    expect(b?.dose?.summationType).toBe('PLAN');
    expect(b?.dose?.referencedBeamNumbers).toEqual([1, 2]);
    const expected = fieldOn(gridA, (p) => linearA(p) + linearB(p));
    expected.forEach((value, n) => expect(Math.abs(b!.dose!.dose[n] - value)).toBeLessThan(2e-6 + 1e-6 * Math.abs(value)));
    expect(b?.warnings.some((w) => w.includes('summed 2 BEAM dose files'))).toBe(true);
  });

  it('a beam on another grid is resampled onto the larger grid: exact sum of two linear fields inside both', () => {
    const b = bundles.find((x) => x.patientId === 'DIFF');
    const d = b!.dose!;
    expect([d.grid.columns, d.grid.rows, d.grid.slices]).toEqual([6, 5, 4]);
    let checked = 0;
    for (let k = 0; k < d.grid.slices; k++) {
      for (let j = 0; j < d.grid.rows; j++) {
        for (let i = 0; i < d.grid.columns; i++) {
          const p = voxelCentreMm(d.grid, i, j, k);
          // inside grid B's voxel-centre box: x in [4.2 − 4·1.1, 4.2], y in [−2.7, −2.7 + 3·1.3], z in [−4.4, −1.4]
          const insideB = p[0] >= 4.2 - 4.4 - 1e-9 && p[0] <= 4.2 + 1e-9 && p[1] >= -2.7 - 1e-9 && p[1] <= -2.7 + 3.9 + 1e-9
            && p[2] >= -4.4 - 1e-9 && p[2] <= -1.4 + 1e-9;
          const expected = linearA(p) + (insideB ? linearB(p) : 0);
          expect(d.dose[i + d.grid.columns * (j + d.grid.rows * k)]).toBeCloseTo(expected, 4);
          if (insideB) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(b?.warnings.some((w) => w.includes('resampled onto the grid'))).toBe(true);
  });

  it('a PLAN dose beside per-beam doses is used alone (no double counting), with a note', () => {
    const b = bundles.find((x) => x.patientId === 'PREF');
    const expected = fieldOn(gridA, (p) => linearA(p) + linearB(p));
    expected.forEach((value, n) => expect(b!.dose!.dose[n]).toBeCloseTo(value, 5));
    expect(b?.warnings.some((w) => w.includes('using the PLAN dose; 2 BEAM dose files not added'))).toBe(true);
    expect(b?.sourceFiles.filter((f) => f.includes('rd'))).toHaveLength(1);
  });
});
