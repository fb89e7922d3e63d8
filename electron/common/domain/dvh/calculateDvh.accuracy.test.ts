import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../rt';
import { calculateDvh } from './calculateDvh';
import { Dvh } from './Dvh';
import {
  AXIAL, analyticDoseGrid, coveringGrid, phantomRoi, planePositions, rectangleUv, revolvedPlanes, circleUv,
  type GridSpec, type PhantomFrame, type PhantomPlane,
} from './testSupport/analyticPhantoms';
import { SlabTruth, conventionSlabs } from './testSupport/slabTruth';

/**
 * Bars (issue 2): against the exact slab-convention truth of analytic phantoms in linear dose fields —
 * volume within 0.5 % (2 % below 1 cc), Dmean within 0.05 Gy, D98/D95/D50/D5/D2 within 0.2 Gy.
 */
interface Case {
  name: string;
  planes: PhantomPlane[];
  frame: PhantomFrame;
  /** dose gradient in patient LPS, Gy/mm, and dose at the phantom centre, Gy */
  gradient: Vec3;
  centreDoseGy: number;
  grid: GridSpec;
}

const sphereRadius = (cc: number) => Math.cbrt((3 * cc * 1000) / (4 * Math.PI));
const sphere = (r: number, spacing: number, offset = 0) => revolvedPlanes((w) => (Math.abs(w) < r ? Math.sqrt(r * r - w * w) : null), planePositions(r, spacing, offset));
const unit = (v: Vec3, g = 1): Vec3 => { const n = Math.hypot(...v); return [(g * v[0]) / n, (g * v[1]) / n, (g * v[2]) / n]; };
const at = (centreMm: Vec3, axes = AXIAL): PhantomFrame => ({ centreMm, ...axes });

const C: Vec3 = [12.3, -40.7, 101.1];
const cases: Case[] = [
  { name: 'sphere 14 cc, 2 mm planes, x gradient', planes: sphere(15, 2), frame: at(C), gradient: [1, 0, 0], centreDoseGy: 40, grid: coveringGrid(C, 24, 2.5) },
  { name: 'sphere 0.5 cc, 1 mm planes, y gradient, grid shifted 0.37 voxel', planes: sphere(sphereRadius(0.5), 1, 0.3), frame: at(C), gradient: [0, 1, 0], centreDoseGy: 30, grid: coveringGrid(C, 12, 2.5, [1, 0, 0], [0, 1, 0], 0.37) },
  { name: 'lens 0.1 cc, 2.5 mm planes, oblique gradient', planes: sphere(sphereRadius(0.1), 2.5, 0.8), frame: at(C), gradient: unit([1, 0.5, 0.8], 2), centreDoseGy: 8, grid: coveringGrid(C, 10, 2.5, [1, 0, 0], [0, 1, 0], 0.21) },
  { name: 'cylinder r10 h30, 3 mm planes, z gradient', planes: revolvedPlanes((w) => (Math.abs(w) <= 15 ? 10 : null), planePositions(15, 3, 1.5)), frame: at(C), gradient: [0, 0, 1], centreDoseGy: 50, grid: coveringGrid(C, 24, 3) },
  { name: 'cone r15 h30, 2 mm planes, oblique gradient', planes: revolvedPlanes((w) => (Math.abs(w) < 15 ? (15 - w) / 2 : null), planePositions(15, 2, 1)), frame: at(C), gradient: unit([-0.3, 1, 1], 1), centreDoseGy: 35, grid: coveringGrid(C, 26, 2.5, [1, 0, 0], [0, 1, 0], 0.5) },
  { name: 'box 40×30×20, 2.5 mm planes, x+z gradient', planes: planePositions(10, 2.5, 1.25).map((w) => ({ wMm: w, polygons: [{ uv: rectangleUv(20, 15), hole: false }] })), frame: at(C), gradient: [0.7, 0, 0.7], centreDoseGy: 45, grid: coveringGrid(C, 30, 2) },
  {
    name: 'ring r20 with r10 hole, 2 mm planes, y gradient',
    planes: planePositions(8, 2, 1).map((w) => ({ wMm: w, polygons: [{ uv: circleUv(20), hole: false }, { uv: circleUv(10).reverse(), hole: true }] })),
    frame: at(C), gradient: [0, 1.5, 0], centreDoseGy: 40, grid: coveringGrid(C, 26, 2.5, [1, 0, 0], [0, 1, 0], 0.25),
  },
  {
    name: 'keyhole (ring with an island), 1 mm planes, oblique',
    planes: planePositions(5, 1, 0.5).map((w) => ({ wMm: w, polygons: [{ uv: circleUv(20), hole: false }, { uv: circleUv(12), hole: true }, { uv: circleUv(5, 48, 1, -1), hole: false }] })),
    frame: at(C), gradient: unit([1, 1, 0.2], 1), centreDoseGy: 40, grid: coveringGrid(C, 26, 2.5),
  },
  { name: 'sphere 14 cc on an HFP dose grid', planes: sphere(15, 3), frame: at(C), gradient: unit([0.2, -1, 0.4], 1), centreDoseGy: 40, grid: coveringGrid(C, 24, 2.5, [-1, 0, 0], [0, -1, 0], 0.4) },
  { name: 'cylinder on an FFS dose grid (slices run inferior)', planes: revolvedPlanes((w) => (Math.abs(w) <= 12 ? 9 : null), planePositions(12, 2, 1)), frame: at(C), gradient: [0.5, 0.5, 1], centreDoseGy: 40, grid: coveringGrid(C, 22, 2.5, [-1, 0, 0], [0, 1, 0], 0.3) },
  { name: 'sagittal contour stack: cylinder along x', planes: revolvedPlanes((w) => (Math.abs(w) <= 14 ? 8 : null), planePositions(14, 2, 1)), frame: at(C, { uAxis: [0, 1, 0], vAxis: [0, 0, 1], normal: [1, 0, 0] }), gradient: [1, 0.2, 0.3], centreDoseGy: 40, grid: coveringGrid(C, 22, 2.5) },
  { name: 'oblique contour planes (30°): sphere 4 cc', planes: sphere(sphereRadius(4), 1.5), frame: at(C, { uAxis: [1, 0, 0], vAxis: [0, Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6)], normal: [0, Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)] }), gradient: [0, 0, 1.2], centreDoseGy: 40, grid: coveringGrid(C, 18, 2.5) },
  {
    name: 'sphere 14 cc on irregular contour planes (2 mm below the centre, 3 mm above)',
    planes: revolvedPlanes((w) => (Math.abs(w) < 15 ? Math.sqrt(225 - w * w) : null), [-14, -12, -10, -8, -6, -4, -2, 0, 3, 6, 9, 12]),
    frame: at(C), gradient: [0.2, 0.3, 1], centreDoseGy: 40, grid: coveringGrid(C, 24, 2.5, [1, 0, 0], [0, 1, 0], 0.15),
  },
  {
    name: 'cylinder in a grid with non-uniform slice offsets',
    planes: revolvedPlanes((w) => (Math.abs(w) <= 12 ? 10 : null), planePositions(12, 2, 1)), frame: at(C), gradient: [0.3, 0, 1.5], centreDoseGy: 40,
    grid: { ...coveringGrid(C, 22, 2.5), sliceOffsetsMm: [0, 2, 5, 6.5, 9, 12.5, 14, 17, 20, 21.5, 24, 27.5, 29, 32, 35, 36.5, 39, 42.5, 44, 47] },
  },
];

function truthFor(c: Case): SlabTruth {
  const g = c.gradient, f = c.frame;
  const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return new SlabTruth(conventionSlabs(c.planes), { d0: c.centreDoseGy, gu: dot(g, f.uAxis), gv: dot(g, f.vAxis), gw: dot(g, f.normal) });
}

describe('calculateDvh against the exact slab-convention truth (analytic phantoms, linear dose)', () => {
  const rows: string[] = [];
  for (const c of cases) {
    it(c.name, () => {
      const dose = analyticDoseGrid(c.grid, (x, y, z) => c.centreDoseGy + c.gradient[0] * (x - c.frame.centreMm[0]) + c.gradient[1] * (y - c.frame.centreMm[1]) + c.gradient[2] * (z - c.frame.centreMm[2]));
      const dvh = calculateDvh(phantomRoi(c.name, c.planes, c.frame), dose);
      if (!(dvh instanceof Dvh)) throw new Error(dvh.error);
      const truth = truthFor(c);
      const volumeCc = truth.volumeMm3 / 1000;
      expect(dvh.volumeOutsideDoseGridCc).toBe(0);
      const volumeTolerance = volumeCc < 1 ? 0.02 : 0.005;
      expect(Math.abs(dvh.volumeCc - volumeCc) / volumeCc).toBeLessThan(volumeTolerance);
      expect(Math.abs(dvh.meanGy.value - truth.meanGy)).toBeLessThan(0.05);
      const errors: string[] = [`${c.name}: V ${volumeCc.toFixed(3)} cc (err ${(100 * (dvh.volumeCc / volumeCc - 1)).toExponential(1)} %)`, `Dmean err ${(dvh.meanGy.value - truth.meanGy).toFixed(4)}`];
      for (const percent of [98, 95, 50, 5, 2]) {
        const expected = truth.doseAtVolumeMm3((percent / 100) * truth.volumeMm3, 0, 200);
        const got = dvh.metric(`D${percent}%`);
        expect(got).not.toBeNull();
        expect(Math.abs(got!.value - expected), `D${percent}% expected ${expected}`).toBeLessThan(0.2);
        errors.push(`D${percent} err ${(got!.value - expected).toFixed(3)} ±${got!.uncertainty.toFixed(3)}`);
      }
      rows.push(errors.join(', '));
    });
  }
  it('prints the accuracy table', () => {
    console.log(`DVH accuracy vs slab truth (Gy unless stated):\n${rows.join('\n')}`);
    expect(rows.length).toBe(cases.length);
  });
});
