import { describe, expect, it } from 'vitest';
import { calculateDvh } from './calculateDvh';
import { Dvh } from './Dvh';
import { DVH_ENGINE_VERSION } from './engineVersion';
import { parseDvhMetricName } from './parseDvhMetricName';
import { AXIAL, analyticDoseGrid, coveringGrid, phantomRoi, planePositions, rectangleUv } from './testSupport/analyticPhantoms';

/**
 * Metric definitions on a phantom with a closed-form DVH: a 40 × 30 × 20 mm box (24 cc, slabs exactly filling
 * it) in a dose rising 0.5 Gy/mm along x, from 20 Gy at x = −20 to 40 Gy at x = +20. The volume receiving at
 * least D is 24 cc · (40 − D) / 20 for 20 ≤ D ≤ 40, so every metric below has an exact value.
 */
const box = phantomRoi('box', planePositions(10, 2.5, 1.25).map((w) => ({ wMm: w, polygons: [{ uv: rectangleUv(20, 15), hole: false }] })), { centreMm: [0, 0, 0], ...AXIAL });
const dose = analyticDoseGrid(coveringGrid([0, 0, 0], 26, 2), (x) => 30 + 0.5 * x);
const result = calculateDvh(box, dose);
if (!(result instanceof Dvh)) throw new Error(result.error);
const dvh = result;
const volumeAbove = (d: number) => (24 * (40 - d)) / 20;

describe('Dvh metrics (exact box phantom)', () => {
  it('volume, mean, min, max', () => {
    expect(dvh.volumeCc).toBeCloseTo(24, 9);
    expect(dvh.meanGy.value).toBeCloseTo(30, 2);
    expect(dvh.minGy.value).toBeGreaterThan(20);
    expect(dvh.minGy.value).toBeLessThan(20.05);
    expect(dvh.maxGy.value).toBeLessThan(40);
    expect(dvh.maxGy.value).toBeGreaterThan(39.95);
    expect(dvh.metric('Volume')).toEqual({ value: dvh.volumeCc, uncertainty: 0, unit: 'cc' });
    expect(dvh.engineVersion).toBe(DVH_ENGINE_VERSION);
  });

  it('D{x}% and D{x}cc: minimum dose to the hottest x', () => {
    expect(dvh.metric('D95%')!.value).toBeCloseTo(21, 1);
    expect(dvh.metric('D50%')!.value).toBeCloseTo(30, 1);
    expect(dvh.metric('D2cc')!.value).toBeCloseTo(40 - (20 * 2) / 24, 1);
    expect(dvh.metric('D0.03cc')!.value).toBeCloseTo(40 - (20 * 0.03) / 24, 1);
    expect(dvh.metric('D30cc')).toBeNull();
  });

  it('DC{x}cc: maximum dose to the coldest x cc', () => {
    expect(dvh.metric('DC2cc')!.value).toBeCloseTo(20 + (20 * 2) / 24, 1);
    expect(dvh.metric('DC50%')!.value).toBeCloseTo(30, 1);
  });

  it('V{x}Gy in cc and %, V{x}%Rx', () => {
    expect(dvh.metric('V30Gy')!.value).toBeCloseTo(12, 1);
    expect(dvh.metric('V30Gy')!.unit).toBe('cc');
    expect(dvh.metric('V25Gy%')!.value).toBeCloseTo(75, 0);
    expect(dvh.metric('V25Gy', { volumeUnit: '%' })!.value).toBeCloseTo(75, 0);
    expect(dvh.metric('V95%Rx', { prescriptionGy: 40 })!.value).toBeCloseTo(volumeAbove(38), 1);
    expect(dvh.metric('V95%Rx%', { prescriptionGy: 40 })!.value).toBeCloseTo(10, 0);
    expect(dvh.metric('V95%Rx')).toBeNull();
    expect(dvh.metric('Dfoo')).toBeNull();
  });

  it('every metric carries a small, non-negative sampling uncertainty', () => {
    for (const name of ['Dmean', 'D95%', 'D2cc', 'V30Gy', 'DC2cc']) {
      const m = dvh.metric(name)!;
      expect(m.uncertainty).toBeGreaterThanOrEqual(0);
      expect(m.uncertainty).toBeLessThan(0.1); // Gy or cc
    }
  });

  it('cumulative DVH: 0 Gy to Dmax in steps ≤ 0.01 Gy, non-increasing, exact at sample points', () => {
    const { doseGy, volumeCc } = dvh.cumulative;
    expect(doseGy[0]).toBe(0);
    expect(volumeCc[0]).toBeCloseTo(24, 9);
    expect(doseGy[doseGy.length - 1]).toBe(dvh.maxGy.value);
    for (let i = 1; i < doseGy.length; i++) {
      expect(doseGy[i] - doseGy[i - 1]).toBeLessThanOrEqual(0.01 + 1e-12);
      expect(volumeCc[i]).toBeLessThanOrEqual(volumeCc[i - 1] + 1e-12);
    }
    for (const d of [22, 27.5, 33, 38]) expect(volumeCc[Math.round(d / 0.01)]).toBeCloseTo(volumeAbove(d), 1);
  });

  it('differential DVH adds up to the volume', () => {
    const diff = dvh.differential(0.5);
    expect(diff.volumeCc.reduce((a, b) => a + b, 0)).toBeCloseTo(24, 6);
    // uniform distribution over 20–40 Gy: 0.6 cc per 0.5 Gy bin inside
    expect(diff.volumeCc[Math.round(30 / 0.5)]).toBeCloseTo(0.6, 1);
  });
});

describe('structures partly outside the dose grid', () => {
  it('counts the outside part at 0 Gy and reports its volume', () => {
    // voxel centres from x = 0 to 50 mm: the grid reaches x = −1 mm, so x ∈ [−20, −1] (19/40 of the box) is outside
    const grid = { ...coveringGrid([25, 0, 0], 25, 2), originMm: [0, -25, -25] as [number, number, number] };
    const d = calculateDvh(box, analyticDoseGrid(grid, () => 50));
    if (!(d instanceof Dvh)) throw new Error(d.error);
    expect(d.volumeOutsideDoseGridCc).toBeCloseTo((24 * 19) / 40, 1);
    expect(d.volumeCc).toBeCloseTo(24, 9);
    expect(d.warnings.some((w) => w.includes('outside the dose grid'))).toBe(true);
    expect(d.metric('V49Gy')!.value).toBeCloseTo((24 * 21) / 40, 1);
    expect(d.minGy.value).toBe(0);
  });
});

describe('contour plane gaps', () => {
  it('a gap wider than 1.6 spacings splits the structure: each side ends half a spacing beyond its last plane', () => {
    const planes = planePositions(10, 2.5, 1.25).filter((w) => w !== 1.25 && w !== 3.75);
    const gapped = phantomRoi('gapped', planes.map((w) => ({ wMm: w, polygons: [{ uv: rectangleUv(20, 15), hole: false }] })), { centreMm: [0, 0, 0], ...AXIAL });
    const r = calculateDvh(gapped, dose);
    if (!(r instanceof Dvh)) throw new Error(r.error);
    expect(r.volumeCc).toBeCloseTo((planes.length * 2.5 * 40 * 30) / 1000, 9);
    expect(r.warnings.join()).toMatch(/gap/);
  });
});

describe('inputs that give no DVH', () => {
  it('POINT ROIs and contour-less ROIs return an error value', () => {
    expect(calculateDvh({ ...box, isPoint: true }, dose)).toEqual({ error: 'POINT ROI: no volume, no DVH' });
    const r = calculateDvh({ ...box, contours: [{ pointsMm: Float64Array.of(0, 0, 0, 1, 0, 0), geometricType: 'CLOSED_PLANAR' }] }, dose);
    expect('error' in r && r.error).toMatch(/no closed planar contour/);
  });

  it('a single-plane structure gets the dose-grid slice thickness and a warning', () => {
    const one = phantomRoi('one', [{ wMm: 0, polygons: [{ uv: rectangleUv(5, 5), hole: false }] }], { centreMm: [0, 0, 0], ...AXIAL });
    const r = calculateDvh(one, dose);
    if (!(r instanceof Dvh)) throw new Error(r.error);
    expect(r.volumeCc).toBeCloseTo(0.2, 9); // 10 × 10 mm × 2 mm (grid slice spacing)
    expect(r.warnings.join()).toMatch(/single plane/);
  });
});

describe('parseDvhMetricName', () => {
  it('parses the clinical shorthand', () => {
    expect(parseDvhMetricName('D95%')).toEqual({ kind: 'doseToHottest', amount: 95, unit: '%' });
    expect(parseDvhMetricName('d0.03cc')).toEqual({ kind: 'doseToHottest', amount: 0.03, unit: 'cc' });
    expect(parseDvhMetricName('DC700cc')).toEqual({ kind: 'doseToColdest', amount: 700, unit: 'cc' });
    expect(parseDvhMetricName('V20Gy')).toEqual({ kind: 'volumeAtDose', doseGy: 20, volumeUnit: null });
    expect(parseDvhMetricName('V65Gy%')).toEqual({ kind: 'volumeAtDose', doseGy: 65, volumeUnit: '%' });
    expect(parseDvhMetricName('V95%Rx')).toEqual({ kind: 'volumeAtPrescriptionPercent', percent: 95, volumeUnit: null });
    expect(parseDvhMetricName('Dmean')).toEqual({ kind: 'mean' });
    expect(parseDvhMetricName('D95')).toBeNull();
    expect(parseDvhMetricName('hello')).toBeNull();
  });
});
