import { useMemo, useState } from 'react';
import type { DvhCurve, DvhLimit } from '../../../electron/common/api/planReviewSchemas';
import type { DvhPoint } from './findingDvhPoint';

export interface DvhChartProps {
  readonly curves: readonly DvhCurve[];
  readonly colors: ReadonlyMap<string, string>;
  readonly visibleIds: ReadonlySet<string>;
  readonly highlightedId: string | null;
  /** the selected finding's place on its structure's curve */
  readonly marker: (DvhPoint & { structureId: string }) | null;
  readonly prescriptionGy: number | null;
}

const W = 380; const H = 250;
const M = { left: 40, right: 10, top: 10, bottom: 32 };
const GRADE_COLOR: Record<string, string> = { per_protocol: '#3fb68b', minor: '#e0a030', major: '#f05454', not_evaluable: '#8d96a3' };

/**
 * Cumulative DVHs (dose Gy → volume % of the structure) with the protocol's limits on them: a point for a
 * dose-at-volume or volume-at-dose limit, a vertical tick for Dmean / Dmax. Hover shows the value under the cursor.
 */
export function DvhChart({ curves, colors, visibleIds, highlightedId, marker, prescriptionGy }: DvhChartProps) {
  const [hover, setHover] = useState<{ doseGy: number } | null>(null);
  const shown = curves.filter((c) => visibleIds.has(c.structureId) || c.structureId === highlightedId);
  const maxDoseGy = useMemo(() => {
    const top = Math.max(prescriptionGy ?? 0, ...shown.map((c) => c.maxGy), ...shown.flatMap((c) => c.limits.map((l) => l.doseGy ?? 0)));
    return Math.max(10, Math.ceil((top * 1.08) / 10) * 10);
  }, [shown, prescriptionGy]);
  const x = (doseGy: number) => M.left + (doseGy / maxDoseGy) * (W - M.left - M.right);
  const y = (percent: number) => M.top + (1 - percent / 100) * (H - M.top - M.bottom);
  const path = (c: DvhCurve) => c.doseGy.map((d, n) => `${n ? 'L' : 'M'}${x(d).toFixed(1)},${y(c.volumeCc > 0 ? (100 * c.volumeCcAtDose[n]) / c.volumeCc : 0).toFixed(1)}`).join('');
  const ticks = Array.from({ length: 6 }, (_, n) => (maxDoseGy * n) / 5);

  function onMove(event: React.MouseEvent<SVGSVGElement>) {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / rect.width) * W;
    const doseGy = ((px - M.left) / (W - M.left - M.right)) * maxDoseGy;
    setHover(doseGy >= 0 && doseGy <= maxDoseGy ? { doseGy } : null);
  }

  const hoverCurve = shown.find((c) => c.structureId === highlightedId) ?? null;
  const hoverPercent = hover && hoverCurve ? percentAt(hoverCurve, hover.doseGy) : null;

  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Dose-volume histogram" data-testid="dvh-chart"
      onMouseMove={onMove} onMouseLeave={() => setHover(null)} style={{ display: 'block' }}>
      <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} fill="#0b0f14" stroke="#2a3340" />
      {[0, 25, 50, 75, 100].map((p) => (
        <g key={p}><line x1={M.left} x2={W - M.right} y1={y(p)} y2={y(p)} stroke="#1f2731" />
          <text x={M.left - 4} y={y(p) + 3} fill="#8b98a8" fontSize={9} textAnchor="end">{p}</text></g>
      ))}
      {ticks.map((d) => (
        <g key={d}><line x1={x(d)} x2={x(d)} y1={M.top} y2={H - M.bottom} stroke="#1f2731" />
          <text x={x(d)} y={H - M.bottom + 12} fill="#8b98a8" fontSize={9} textAnchor="middle">{Math.round(d)}</text></g>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 4} fill="#8b98a8" fontSize={10} textAnchor="middle">Dose (Gy)</text>
      <text x={10} y={(M.top + H - M.bottom) / 2} fill="#8b98a8" fontSize={10} textAnchor="middle" transform={`rotate(-90 10 ${(M.top + H - M.bottom) / 2})`}>Volume (%)</text>
      {prescriptionGy !== null && <line x1={x(prescriptionGy)} x2={x(prescriptionGy)} y1={M.top} y2={H - M.bottom} stroke="#4ea1ff" strokeDasharray="2 3" />}
      {shown.map((c) => (
        <path key={c.structureId} d={path(c)} fill="none" stroke={colors.get(c.structureId) ?? '#ccc'}
          strokeWidth={c.structureId === highlightedId ? 3 : 1.4} opacity={highlightedId && c.structureId !== highlightedId ? 0.55 : 1}
          data-structure-id={c.structureId} />
      ))}
      {shown.flatMap((c) => c.limits.map((limit, n) => <LimitMark key={`${c.structureId}-${n}`} limit={limit} x={x} y={y} highlighted={c.structureId === highlightedId} />))}
      {marker && (
        <g data-testid="dvh-marker" data-dose-gy={marker.doseGy.toFixed(2)} data-volume-percent={marker.volumePercent.toFixed(2)}>
          <circle cx={x(marker.doseGy)} cy={y(marker.volumePercent)} r={6} fill="none" stroke="#ff3b6b" strokeWidth={2} />
          <circle cx={x(marker.doseGy)} cy={y(marker.volumePercent)} r={2} fill="#ff3b6b" />
        </g>
      )}
      {hover && (
        <g pointerEvents="none">
          <line x1={x(hover.doseGy)} x2={x(hover.doseGy)} y1={M.top} y2={H - M.bottom} stroke="#ffd866" strokeOpacity={0.5} />
          <text x={W - M.right - 4} y={M.top + 12} fill="#dce3ea" fontSize={10} textAnchor="end">
            {hover.doseGy.toFixed(1)} Gy{hoverPercent !== null ? ` · ${hoverCurve!.name} ${hoverPercent.toFixed(1)} %` : ''}
          </text>
        </g>
      )}
    </svg>
  );
}

function percentAt(c: DvhCurve, doseGy: number): number {
  let n = 0;
  while (n < c.doseGy.length - 1 && c.doseGy[n + 1] < doseGy) n++;
  return c.volumeCc > 0 ? (100 * (c.volumeCcAtDose[n] ?? 0)) / c.volumeCc : 0;
}

function LimitMark({ limit, x, y, highlighted }: { limit: DvhLimit; x: (d: number) => number; y: (p: number) => number; highlighted: boolean }) {
  if (limit.doseGy === null) return null;
  const color = GRADE_COLOR[limit.grade ?? ''] ?? '#dce3ea';
  const title = `${limit.metric} ${limit.comparator} ${limit.perProtocol} ${limit.unit}${limit.minor !== null ? ` (minor ${limit.minor})` : ''}`;
  if (limit.volumePercent === null) {
    return <line x1={x(limit.doseGy)} x2={x(limit.doseGy)} y1={y(100)} y2={y(0)} stroke={color} strokeWidth={highlighted ? 2 : 1} strokeDasharray="5 3"><title>{title}</title></line>;
  }
  const cx = x(limit.doseGy); const cy = y(limit.volumePercent); const r = highlighted ? 6 : 4.5;
  // a triangle pointing the way the limit allows: ▼ for upper limits (≤), ▲ for lower limits (≥)
  const d = limit.comparator === '<=' ? `M${cx - r},${cy - r}L${cx + r},${cy - r}L${cx},${cy + r}Z` : `M${cx - r},${cy + r}L${cx + r},${cy + r}L${cx},${cy - r}Z`;
  return <path d={d} fill={color} stroke="#0b0f14" strokeWidth={1}><title>{title}</title></path>;
}
