import type { CommitteeSummaryView } from '../../../electron/common/api/committeeSchemas';
import { CsvButton, downloadCsv } from './downloadCsv';

type Centre = CommitteeSummaryView['centres'][number];

/** Small multiples: each centre's risk-adjusted CUSUM over its plans by date, with the decision threshold. */
export function DriftCharts({ centres }: { centres: readonly Centre[] }) {
  const exportCsv = () => downloadCsv('drift.csv', ['centre', 'plan_id', 'plan_date', 'deviated', 'expected_probability', 'cusum', 'threshold'],
    centres.flatMap((c) => c.drift.map((d) => [c.centre, d.planId, d.planDate, d.deviated, d.expectedProbability, d.cusum.toFixed(3), c.driftThreshold])));
  return (
    <section className="panel committee-section" data-testid="committee-drift">
      <div className="committee-section-head"><h2>Drift over the trial (risk-adjusted CUSUM)</h2><CsvButton onClick={exportCsv} /></div>
      <div className="small-multiples">
        {centres.map((c) => <CusumChart key={c.centre} centre={c} />)}
      </div>
      <MetricDrift centres={centres} />
    </section>
  );
}

function CusumChart({ centre }: { centre: Centre }) {
  const width = 220; const height = 110; const pad = 22;
  const maxScore = Math.max(centre.driftThreshold * 1.25, ...centre.drift.map((d) => d.cusum));
  const x = (i: number) => pad + (i / Math.max(1, centre.drift.length - 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / maxScore) * (height - 2 * pad);
  const path = centre.drift.map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.cusum).toFixed(1)}`).join('');
  return (
    <figure className={`drift-chart${centre.driftSignal ? ' signal' : ''}`} data-centre={centre.centre}>
      <svg width={width} height={height} role="img" aria-label={`CUSUM of ${centre.centre}`}>
        <line x1={pad} x2={width - pad} y1={y(centre.driftThreshold)} y2={y(centre.driftThreshold)} stroke="var(--major)" strokeDasharray="4 3" />
        <path d={path} fill="none" stroke="var(--accent)" strokeWidth={1.5} />
        {centre.drift.map((d, i) => d.deviated && <circle key={d.planId} cx={x(i)} cy={height - pad + 6} r={2} fill="var(--minor)" />)}
        <text x={width - pad} y={y(centre.driftThreshold) - 3} fontSize={9} textAnchor="end" fill="var(--muted)">h = {centre.driftThreshold}</text>
      </svg>
      <figcaption>{centre.centre}{centre.driftSignal ? ' — drift signalled' : ''}</figcaption>
    </figure>
  );
}

function MetricDrift({ centres }: { centres: readonly Centre[] }) {
  const metricNames = [...new Set(centres.flatMap((c) => Object.keys(c.metricDrift)))];
  if (metricNames.length === 0) return null;
  return (
    <>
      {metricNames.map((metric) => (
        <div key={metric}>
          <h3 style={{ marginTop: 12 }}>{metric}: EWMA against the trial mean</h3>
          <div className="small-multiples">
            {centres.filter((c) => c.metricDrift[metric]?.points.length).map((c) => <EwmaChart key={c.centre} title={c.centre} series={c.metricDrift[metric]} />)}
          </div>
        </div>
      ))}
    </>
  );
}

function EwmaChart({ title, series }: { title: string; series: Centre['metricDrift'][string] }) {
  const width = 220; const height = 100; const pad = 20;
  const values = series.points.flatMap((p) => [p.value, p.upper, p.lower]);
  const lo = Math.min(...values); const hi = Math.max(...values);
  const x = (i: number) => pad + (i / Math.max(1, series.points.length - 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - lo) / (hi - lo || 1)) * (height - 2 * pad);
  const line = (key: 'ewma' | 'upper' | 'lower') => series.points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join('');
  return (
    <figure className={`drift-chart${series.signal ? ' signal' : ''}`}>
      <svg width={width} height={height} role="img" aria-label={`EWMA of ${title}`}>
        <path d={line('upper')} fill="none" stroke="var(--major)" strokeDasharray="3 3" />
        <path d={line('lower')} fill="none" stroke="var(--major)" strokeDasharray="3 3" />
        {series.points.map((p, i) => <circle key={i} cx={x(i)} cy={y(p.value)} r={1.8} fill="var(--muted)" />)}
        <path d={line('ewma')} fill="none" stroke="var(--accent)" strokeWidth={1.5} />
      </svg>
      <figcaption>{title}{series.signal ? ' — out of limits' : ''}</figcaption>
    </figure>
  );
}
