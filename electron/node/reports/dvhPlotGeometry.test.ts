import { describe, expect, it } from 'vitest';
import { compactCurve } from '../store/repositories/dvhRepository';
import { layoutDvhPlot, limitMarks } from './dvhPlotGeometry';
import type { ReportFinding } from './reportModel';
import { writeCsvReport } from './writeCsvReport';

const finding = (metric: string, unit: string, comparator: string, perProtocol: number, minor: number | null = null): ReportFinding => ({
  findingId: 1, key: 'k', kind: 'constraint', structure: 'Parotid_L', writtenName: 'Parotid_L', metric, value: 1, uncertainty: 0,
  unit, comparator, perProtocolLimit: perProtocol, minorLimit: minor, grade: 'per_protocol', borderline: false, message: '',
});

describe('DVH plot limits', () => {
  it('places dose–volume limits where the metric definition puts them (volume in % of the structure)', () => {
    const volumeCc = 20;
    expect(limitMarks(finding('D95%', 'Gy', '>=', 66.5), volumeCc)).toMatchObject([{ kind: 'point', doseGy: 66.5, volumePercent: 95 }]);
    // D2cc of a 20 cc organ: 2/20 = 10 % of its volume
    expect(limitMarks(finding('D2cc', 'Gy', '<=', 50), volumeCc)).toMatchObject([{ kind: 'point', doseGy: 50, volumePercent: 10 }]);
    // V30Gy ≤ 5 cc of 20 cc = 25 %; in percent it is taken as is
    expect(limitMarks(finding('V30Gy', 'cc', '<=', 5), volumeCc)).toMatchObject([{ kind: 'point', doseGy: 30, volumePercent: 25 }]);
    expect(limitMarks(finding('V30Gy', '%', '<=', 50, 60), volumeCc)).toMatchObject([
      { doseGy: 30, volumePercent: 50, level: 'per_protocol' }, { doseGy: 30, volumePercent: 60, level: 'minor' }]);
  });

  it('draws point-like and whole-organ limits as dose lines, and leaves %Rx limits out', () => {
    expect(limitMarks(finding('Dmean', 'Gy', '<=', 26, 30), 20).map((m) => [m.kind, m.doseGy, m.level])).toEqual([['dose', 26, 'per_protocol'], ['dose', 30, 'minor']]);
    // 0.03 cc of 20 cc is 0.15 % of the volume: on the axis, so a dose line
    expect(limitMarks(finding('D0.03cc', 'Gy', '<=', 45), 20)).toMatchObject([{ kind: 'dose', doseGy: 45, volumePercent: null }]);
    expect(limitMarks(finding('D95%', '%Rx', '>=', 95), 20)).toEqual([]);
  });

  it('scales into the box: 0 Gy at the left edge, 100 % at the top, axis to a round dose', () => {
    const plot = layoutDvhPlot([{ structure: 'Parotid_L', volumeCc: 20, doseGy: [0, 35], volumePercent: [100, 0] }], [finding('Dmean', 'Gy', '<=', 26)], { x: 10, y: 20, width: 400, height: 200 });
    // 35 Gy needs at most 10 ticks of 5 Gy: the axis ends at 35 Gy
    expect(plot.maxDoseGy).toBe(35);
    expect(plot.lines[0].points).toEqual([[10, 20], [410, 220]]);
    expect(plot.marks[0].px).toBeCloseTo(10 + (400 * 26) / 35, 9);
    expect(plot.xTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    // 3000 Gy (a broken plan) still gets at most 10 ticks
    const wide = layoutDvhPlot([{ structure: 'x', volumeCc: 1, doseGy: [0, 3000], volumePercent: [100, 0] }], [], { x: 0, y: 0, width: 100, height: 100 });
    expect(wide.xTicks.length).toBeLessThanOrEqual(11);
  });
});

describe('compact DVH curve', () => {
  it('resamples a long curve to 200 points without changing a linear curve (float32 precision)', () => {
    const n = 7001;
    const dose = Float64Array.from({ length: n }, (_, i) => i * 0.01);
    const volume = dose.map((d) => 20 * (1 - d / 70));
    const curve = compactCurve(dose, volume);
    expect(curve.doseGy.length).toBe(200);
    expect(curve.doseGy[0]).toBe(0);
    expect(curve.doseGy[199]).toBeCloseTo(70, 4);
    for (let i = 0; i < 200; i++) expect(curve.volumeCc[i]).toBeCloseTo(20 * (1 - curve.doseGy[i] / 70), 4);
  });
});

describe('CSV report', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = writeCsvReport({ generatedAt: '', database: '', centres: [], plans: [{
      planId: 1, planUid: '1.2', patientId: 'P"1', centre: 'A, B', trial: 't', grade: 'minor', evaluated: true, protocol: null, curves: [], review: null,
      findings: [{ ...finding('Dmean', 'Gy', '<=', 26), message: 'line 1\nline 2' }],
    }] });
    const [header, row] = csv.split('\r\n');
    expect(header.startsWith('patientId,centre,planUid,planGrade')).toBe(true);
    expect(row.startsWith('"P""1","A, B",1.2,minor,')).toBe(true);
    expect(csv).toContain('"line 1\nline 2"');
  });
});
