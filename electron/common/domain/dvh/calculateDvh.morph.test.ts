import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../rt';
import { calculateDvh } from './calculateDvh';
import { Dvh } from './Dvh';
import { AXIAL, analyticDoseGrid, circleUv, coveringGrid, phantomRoi, planePositions, revolvedPlanes } from './testSupport/analyticPhantoms';

/**
 * The 'morph' structure model against exact values: a sphere contoured on 3 mm planes that miss both poles
 * (true volume 4/3·πR³, within 0.5 %; Dmean and D50 in a z gradient equal the centre dose within 0.05 Gy), a
 * sphere on oblique planes in a gradient oblique to them (true-shape D95/D50/D5 within the 0.2 Gy), a
 * cone on 2 mm planes whose apex lies 1 mm past the last plane (πR²H/3, 0.5 %; its flat base is put where the
 * slab reach ends, half a spacing out), and a ring (a hole on every plane), whose
 * rows through the hole fall back to the slab model, so its volume is the slab convention's exact one (0.5 %).
 * 0.5 % leaves room for the 96-gon contours (−0.07 % of a circle's area) and the sampling.
 */
const C: Vec3 = [-7.1, 22.4, -60.3];
const dose = (gradient: Vec3) => analyticDoseGrid(coveringGrid(C, 26, 2.5), (x, y, z) => 30 + gradient[0] * (x - C[0]) + gradient[1] * (y - C[1]) + gradient[2] * (z - C[2]));

function morphDvh(planes: ReturnType<typeof revolvedPlanes>, gradient: Vec3, axes = AXIAL): Dvh {
  const dvh = calculateDvh(phantomRoi('morph phantom', planes, { centreMm: C, ...axes }), dose(gradient), { structureModel: 'morph' });
  if (!(dvh instanceof Dvh)) throw new Error(dvh.error);
  return dvh;
}

describe("calculateDvh, 'morph' structure model", () => {
  it('sphere R 14 mm on 3 mm planes (poles between planes): true volume, centre dose', () => {
    const r = 14;
    const dvh = morphDvh(revolvedPlanes((w) => (Math.abs(w) < r ? Math.sqrt(r * r - w * w) : null), planePositions(r, 3, 0.4)), [0, 0, 1]);
    expect(Math.abs(dvh.volumeCc * 1000 / ((4 / 3) * Math.PI * r ** 3) - 1)).toBeLessThan(0.005);
    expect(Math.abs(dvh.meanGy.value - 30)).toBeLessThan(0.05);
    expect(Math.abs(dvh.metric('D50%')!.value - 30)).toBeLessThan(0.05);
  });

  it('sphere R 9 mm on oblique (30°) 2.5 mm planes, z gradient 1.2 Gy/mm: true volume and D95/D50/D5 within 0.2 Gy', () => {
    const r = 9, g = 1.2;
    const oblique = { uAxis: [1, 0, 0] as Vec3, vAxis: [0, Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6)] as Vec3, normal: [0, Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)] as Vec3 };
    const dvh = morphDvh(revolvedPlanes((w) => (Math.abs(w) < r ? Math.sqrt(r * r - w * w) : null), planePositions(r, 2.5, 0.9)), [0, 0, g], oblique);
    expect(Math.abs(dvh.volumeCc * 1000 / ((4 / 3) * Math.PI * r ** 3) - 1)).toBeLessThan(0.005);
    // a sphere's volume fraction beyond a plane at distance t from its centre: (r − t)²(2r + t) / 4r³
    const tAtFraction = (f: number) => { let lo = -r, hi = r; for (let i = 0; i < 60; i++) { const t = (lo + hi) / 2; if (((r - t) ** 2 * (2 * r + t)) / (4 * r ** 3) > f) lo = t; else hi = t; } return lo; };
    for (const [name, f] of [['D95%', 0.95], ['D50%', 0.5], ['D5%', 0.05]] as const) {
      expect(Math.abs(dvh.metric(name)!.value - (30 + g * tAtFraction(f)))).toBeLessThan(0.2);
    }
  });

  it('cone R 10 mm H 24 mm on 2 mm planes (apex 1 mm past the last plane, flat base on a slab boundary): true volume', () => {
    const dvh = morphDvh(revolvedPlanes((w) => (Math.abs(w) < 12 ? (10 * (12 - w)) / 24 : null), planePositions(12, 2, 1)), [0, 1, 0]);
    expect(Math.abs(dvh.volumeCc * 1000 / ((Math.PI * 100 * 24) / 3) - 1)).toBeLessThan(0.005);
  });

  it('ring with a hole on every plane: the slab volume', () => {
    const planes = planePositions(8, 2, 1).map((w) => ({ wMm: w, polygons: [{ uv: circleUv(20), hole: false }, { uv: circleUv(10).reverse(), hole: true }] }));
    const ringAreaMm2 = (96 / 2) * Math.sin((2 * Math.PI) / 96) * (400 - 100);
    const dvh = morphDvh(planes, [0, 1, 0]);
    expect(Math.abs(dvh.volumeCc * 1000 / (ringAreaMm2 * 2 * planes.length) - 1)).toBeLessThan(0.005);
  });
});
