import type { CommitteeSummaryView } from '../../../electron/common/api/committeeSchemas';
import { CsvButton, downloadCsv } from './downloadCsv';

type Centre = CommitteeSummaryView['centres'][number];
const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)} %`);

/** Per centre: plans, review progress, grade counts, rates with 95 % intervals drawn as bars, drift flag. */
export function CentreRatesTable({ centres }: { centres: readonly Centre[] }) {
  const exportCsv = () => downloadCsv('centres.csv',
    ['centre', 'plans', 'reviewed', 'per_protocol', 'minor', 'major', 'not_evaluable', 'deviation_rate', 'ci_low', 'ci_high', 'major_rate', 'major_ci_low', 'major_ci_high', 'accrual_per_month', 'drift_signal'],
    centres.map((c) => [c.centre, c.plans, c.reviewed, c.perProtocol, c.minor, c.major, c.notEvaluable, c.deviationRate.rate, c.deviationRate.lower, c.deviationRate.upper,
      c.majorRate.rate, c.majorRate.lower, c.majorRate.upper, c.accrualPerMonth.toFixed(2), c.driftSignal]));
  return (
    <section className="panel committee-section" data-testid="committee-centres">
      <div className="committee-section-head"><h2>Centres</h2><CsvButton onClick={exportCsv} /></div>
      <table className="committee-table">
        <thead><tr><th>Centre</th><th>Plans</th><th>Reviewed</th><th>Per protocol</th><th>Minor</th><th>Major</th><th>Not eval.</th><th>Deviation rate (95 % CI)</th><th>Major rate</th><th>Accrual / month</th><th>Drift</th></tr></thead>
        <tbody>
          {centres.map((c) => (
            <tr key={c.centre} data-centre={c.centre}>
              <td>{c.centre}</td>
              <td data-field="plans">{c.plans}</td>
              <td>{c.reviewed} / {c.plans}</td>
              <td data-field="perProtocol">{c.perProtocol}</td>
              <td data-field="minor">{c.minor}</td>
              <td data-field="major">{c.major}</td>
              <td>{c.notEvaluable}</td>
              <td><RateBar rate={c.deviationRate} /></td>
              <td>{pct(c.majorRate.rate)} <span className="muted">({pct(c.majorRate.lower)}–{pct(c.majorRate.upper)})</span></td>
              <td>{c.accrualPerMonth.toFixed(1)}</td>
              <td data-field="driftSignal" data-value={String(c.driftSignal)}>{c.driftSignal ? <span className="chip major">drift</span> : <span className="muted">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RateBar({ rate }: { rate: Centre['deviationRate'] }) {
  const width = 120;
  const x = (v: number) => 2 + v * (width - 4);
  return (
    <span className="rate-bar" title={`${pct(rate.rate)} (95 % CI ${pct(rate.lower)}–${pct(rate.upper)})`}>
      <svg width={width} height={14} aria-hidden="true">
        <rect x={2} y={3} width={width - 4} height={8} fill="var(--panel-2)" />
        {rate.rate !== null && <rect x={2} y={3} width={x(rate.rate) - 2} height={8} fill="var(--minor)" />}
        <line x1={x(rate.lower)} x2={x(rate.upper)} y1={7} y2={7} stroke="var(--text)" strokeWidth={1.5} />
      </svg>
      <span className="mono">{pct(rate.rate)}</span>
    </span>
  );
}
