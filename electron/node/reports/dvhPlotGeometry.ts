import type { ReportCurve, ReportFinding } from './reportModel';

/** Where a protocol limit sits on a DVH plot (dose Gy on x, volume % of the structure on y). */
export interface LimitMark {
  structure: string;
  label: string;
  /** 'point': a dose–volume point (D95%, V30Gy …); 'dose': a vertical line (Dmean, Dmax, D0.03cc …) */
  kind: 'point' | 'dose';
  doseGy: number;
  volumePercent: number | null;
  /** per protocol limit or the minor band's edge */
  level: 'per_protocol' | 'minor';
}

export interface PlotBox { x: number; y: number; width: number; height: number }

export interface DvhPlot {
  maxDoseGy: number;
  /** polylines in box coordinates, one per curve */
  lines: { structure: string; colour: string; points: [number, number][] }[];
  marks: (LimitMark & { px: number; py: number | null })[];
  xTicks: { value: number; px: number }[];
  yTicks: { value: number; py: number }[];
}

const PALETTE = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#ff7f0e', '#d62728'];

/** Turn a finding's limits into plot marks. Doses in %Rx (unknown level here) are not drawn. */
export function limitMarks(finding: ReportFinding, volumeCc: number): LimitMark[] {
  const m = finding.metric ?? '';
  const out: LimitMark[] = [];
  for (const [level, limit] of [['per_protocol', finding.perProtocolLimit], ['minor', finding.minorLimit]] as const) {
    if (limit === null || finding.structure === null) continue;
    const label = `${m} ${finding.comparator ?? ''} ${limit} ${finding.unit ?? ''}`.trim();
    const base = { structure: finding.structure, label, level };
    let match: RegExpMatchArray | null;
    if (finding.unit === 'Gy' && /^(Dmean|Dmax|Dmin)$|^DC[\d.]+cc$/.test(m)) out.push({ ...base, kind: 'dose', doseGy: limit, volumePercent: null });
    else if (finding.unit === 'Gy' && (match = m.match(/^D([\d.]+)%$/))) out.push({ ...base, kind: 'point', doseGy: limit, volumePercent: Number(match[1]) });
    else if (finding.unit === 'Gy' && (match = m.match(/^D([\d.]+)cc$/))) {
      const pct = volumeCc > 0 ? (100 * Number(match[1])) / volumeCc : null;
      // a near-point volume (D0.03cc) sits on the axis: draw it as a dose line
      out.push(pct === null || pct < 1 ? { ...base, kind: 'dose', doseGy: limit, volumePercent: null } : { ...base, kind: 'point', doseGy: limit, volumePercent: pct });
    } else if ((match = m.match(/^V([\d.]+)Gy$/)) && (finding.unit === '%' || finding.unit === 'cc')) {
      const pct = finding.unit === '%' ? limit : volumeCc > 0 ? (100 * limit) / volumeCc : null;
      if (pct !== null) out.push({ ...base, kind: 'point', doseGy: Number(match[1]), volumePercent: pct });
    }
  }
  return out;
}

/** Scale curves and limit marks into a box (y grows downwards, as in SVG and PDF). */
export function layoutDvhPlot(curves: readonly ReportCurve[], findings: readonly ReportFinding[], box: PlotBox): DvhPlot {
  const marks = curves.flatMap((c) => findings.filter((f) => f.structure === c.structure && f.kind === 'constraint').flatMap((f) => limitMarks(f, c.volumeCc)));
  const highest = Math.max(10, ...curves.map((c) => c.doseGy.at(-1) ?? 0), ...marks.map((m) => m.doseGy));
  // a "nice" tick step giving at most 10 ticks (5, 10, 20, 50, 100 … Gy)
  const step = [5, 10, 20, 50].map((s) => s * 10 ** Math.max(0, Math.floor(Math.log10(highest / 50))))
    .find((s) => highest / s <= 10) ?? 10 ** Math.ceil(Math.log10(highest));
  const maxDoseGy = Math.ceil(highest / step) * step;
  const sx = (d: number) => box.x + (box.width * d) / maxDoseGy;
  const sy = (v: number) => box.y + box.height * (1 - Math.min(100, Math.max(0, v)) / 100);
  const lines = curves.map((c, i) => ({
    structure: c.structure, colour: PALETTE[i % PALETTE.length],
    points: c.doseGy.map((d, k) => [sx(d), sy(c.volumePercent[k])] as [number, number]),
  }));
  return {
    maxDoseGy, lines,
    marks: marks.map((m) => ({ ...m, px: sx(m.doseGy), py: m.volumePercent === null ? null : sy(m.volumePercent) })),
    xTicks: Array.from({ length: maxDoseGy / step + 1 }, (_, i) => ({ value: i * step, px: sx(i * step) })),
    yTicks: [0, 25, 50, 75, 100].map((v) => ({ value: v, py: sy(v) })),
  };
}

export const limitColour = (level: LimitMark['level']) => (level === 'per_protocol' ? '#e67e00' : '#c0392b');
