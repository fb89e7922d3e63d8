/**
 * CT geometry for every patient orientation: slices written in shuffled order, read back, and every voxel
 * centre of the VoxelGrid checked against the DICOM definition (PS3.3 C.7.6.2.1.1):
 *   P(i, j) = ImagePositionPatient + i·Δcolumn·rowDirection + j·Δrow·columnDirection
 * of the slice the voxel came from — identified by its stored pixel values (value = 100·file + pixel index).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { voxelCentreMm } from '../../electron/common/domain/geometry/resampleDose';
import { loadPlanBundles } from '../../electron/node/dicomFiles';
import type { RtPlanBundle } from '../../electron/common/domain/rt';
import { ctSlice, dose, structureSet, writeDataset } from './helpers/writeRtFixtures';

const ORIENTATIONS: Record<string, number[]> = {
  HFS: [1, 0, 0, 0, 1, 0],
  HFP: [-1, 0, 0, 0, -1, 0],
  FFS: [-1, 0, 0, 0, 1, 0],
  FFP: [1, 0, 0, 0, -1, 0],
  HFDL: [0, -1, 0, 1, 0, 0],
  HFDR: [0, 1, 0, -1, 0, 0],
  // oblique: rotated 30° about z then tilted; still orthonormal
  OBLIQUE: [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6), 0, -Math.sin(Math.PI / 6) * 0.8, Math.cos(Math.PI / 6) * 0.8, 0.6],
};
const ROWS = 3;
const COLUMNS = 4;
const SPACING: [number, number] = [1.5, 0.75]; // row spacing, column spacing
/** positions along the normal, written in this (shuffled, non-uniform) order */
const SLICE_STEPS = [5, 0, 2.5, 10];

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

interface Written { position: number[]; fileIndex: number }

describe('CT geometry in any orientation', () => {
  const written = new Map<string, Written[]>();
  let bundles: RtPlanBundle[] = [];
  let root = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rtqa-orient-'));
    Object.entries(ORIENTATIONS).forEach(([name, iop], p) => {
      const dir = join(root, name);
      mkdirSync(dir);
      const ids = { patientId: `ORIENT-${name}`, studyUid: `1.2.826.0.1.9.${p}`, frameUid: `1.2.826.0.1.9.${p}.1` };
      const normal = cross(iop.slice(0, 3), iop.slice(3, 6));
      const origin = [-20 + p, 30 - p, 100 + 3 * p];
      const list: Written[] = [];
      SLICE_STEPS.forEach((step, fileIndex) => {
        const position = origin.map((o, d) => o + step * normal[d]);
        const stored = new Int16Array(ROWS * COLUMNS).map((_, n) => 100 * fileIndex + n);
        writeDataset(join(dir, `ct${fileIndex}.dcm`), ctSlice(ids, {
          sopUid: `${ids.studyUid}.2.${fileIndex}`, seriesUid: `${ids.studyUid}.2`, positionMm: position as [number, number, number],
          orientation: iop, pixelSpacingMm: SPACING, rows: ROWS, columns: COLUMNS, stored, rescaleIntercept: 0,
          patientPosition: name === 'OBLIQUE' ? 'HFS' : name,
        }));
        list.push({ position, fileIndex });
      });
      written.set(ids.patientId, list);
      writeDataset(join(dir, 'rs.dcm'), structureSet(ids, `${ids.studyUid}.3`, `${ids.studyUid}.2`, [
        { number: 1, name: 'BODY', type: 'EXTERNAL', contours: [[...origin, origin[0] + 1, origin[1], origin[2], origin[0], origin[1] + 1, origin[2]]] },
      ]));
      writeDataset(join(dir, 'rd.dcm'), dose(ids, {
        sopUid: `${ids.studyUid}.4`, planUid: null, summationType: 'PLAN', originMm: origin as [number, number, number],
        orientation: iop, pixelSpacingMm: [2, 2], rows: 2, columns: 2, gridFrameOffsets: [0, 2], doseGy: [1, 1, 1, 1, 1, 1, 1, 1],
      }));
    });
    ({ bundles } = await loadPlanBundles(root, { readCtPixels: true }));
  });

  for (const name of Object.keys(ORIENTATIONS)) {
    it(`${name}: voxel centres land on the written slice positions, pixels in file order`, () => {
      const bundle = bundles.find((b) => b.patientId === `ORIENT-${name}`);
      const ct = bundle?.ct;
      expect(ct).toBeTruthy();
      if (!ct?.hounsfield) return;
      const iop = ORIENTATIONS[name];
      const grid = ct.grid;
      expect([grid.columns, grid.rows, grid.slices]).toEqual([COLUMNS, ROWS, SLICE_STEPS.length]);
      expect(grid.sliceOffsetsMm.map((o) => Number(o.toFixed(9)))).toEqual([0, 2.5, 5, 10]);
      for (let k = 0; k < grid.slices; k++) {
        // which file went to slice k: the stored values say so
        const fileIndex = Math.floor(ct.hounsfield[COLUMNS * ROWS * k] / 100);
        const slice = written.get(`ORIENT-${name}`)?.find((w) => w.fileIndex === fileIndex);
        expect(slice).toBeTruthy();
        for (let j = 0; j < ROWS; j++) {
          for (let i = 0; i < COLUMNS; i++) {
            expect(ct.hounsfield[i + COLUMNS * (j + ROWS * k)]).toBe(100 * fileIndex + i + COLUMNS * j);
            const expected = [0, 1, 2].map((d) => slice!.position[d] + i * SPACING[1] * iop[d] + j * SPACING[0] * iop[3 + d]);
            const actual = voxelCentreMm(grid, i, j, k);
            for (let d = 0; d < 3; d++) expect(actual[d]).toBeCloseTo(expected[d], 9);
          }
        }
      }
      // steps 2.5, 2.5, 5 mm: kept per slice and reported
      expect(bundle?.warnings.some((w) => w.includes('non-uniform slice spacing: 2.50 to 5.00 mm'))).toBe(true);
      const doseNormal = bundle?.dose?.grid.sliceDirection ?? [0, 0, 0];
      const expectedNormal = cross(iop.slice(0, 3), iop.slice(3, 6));
      for (let d = 0; d < 3; d++) {
        expect(grid.sliceDirection[d]).toBeCloseTo(expectedNormal[d], 9);
        expect(doseNormal[d]).toBeCloseTo(expectedNormal[d], 9);
      }
    });
  }
});
