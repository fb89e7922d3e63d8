import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../rt';
import { calculateDvh } from './calculateDvh';
import { Dvh } from './Dvh';
import { AXIAL, analyticDoseGrid, circleUv, coveringGrid, phantomRoi, planePositions, revolvedPlanes } from './testSupport/analyticPhantoms';

/**
 * The 'morph' structure model against exact values: a sphere contoured on 3 mm planes that miss both poles
 * (true volume 4/3·πR³, within 0.5 %; Dmean and D50 in a z gradient equal the centre dose within 0.05 Gy), a
 * cone on 2 mm planes whose apex lies 1 mm past the last plane (πR²H/3, 0.5 %; its flat base is put where the
 * slab reach ends, half a spacing out), and a ring (a hole on every plane), whose
 * rows through the hole fall back to the slab model, so its volume is the slab convention's exact one (0.5 %).
 * 0.5 % leaves room for the 96-gon contours (−0.07 % of a circle's area) and the sampling.
 */
const C: Vec3 = [-7.1, 22.4, -60.3];
const dose = (gradient: Vec3) => analyticDoseGrid(coveringGrid(C, 26, 2.5), (x, y, z) => 30 + gradient[0] * (x - C[0]) + gradient[1] * (y - C[1]) + gradient[2] * (z - C[2]));

function morphDvh(planes: ReturnType<typeof revolvedPlanes>, gradient: Vec3): Dvh {
  const dvh = calculateDvh(phantomRoi('morph phantom', planes, { centreMm: C, ...AXIAL }), dose(gradient), { structureModel: 'morph' });
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
