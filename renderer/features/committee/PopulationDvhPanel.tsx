import { useState } from 'react';
import { requestApi } from '../../api/rtqaClient';
import { useAsync } from '../../app/useAsync';
import { ErrorState, LoadingState } from '../../ui/StateMessages';
import { CsvButton, downloadCsv } from './downloadCsv';

const STRUCTURES = ['Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Glnd_Submand_R', 'SpinalCord', 'Brainstem', 'Cavity_Oral', 'Musc_Constrict_S', 'Larynx', 'Esophagus'];

/** Population DVH of one structure across the trial: 5–95 % and 25–75 % bands, the median, a highlighted plan. */
export function PopulationDvhPanel({ trialId, highlightPlanId }: { trialId?: string; highlightPlanId?: string }) {
  const [structure, setStructure] = useState(STRUCTURES[0]);
  const result = useAsync(() => requestApi('getPopulationDvh', { structure, ...(trialId ? { trialId } : {}), ...(highlightPlanId ? { highlightPlanId } : {}) }), [structure, trialId, highlightPlanId]);
  return (
    <section className="panel committee-section" data-testid="committee-population-dvh">
      <div className="committee-section-head">
        <h2>Population DVH</h2>
        <select value={structure} onChange={(e) => setStructure(e.target.value)} aria-label="Structure">
          {STRUCTURES.map((s) => <option key={s}>{s}</option>)}
        </select>
        {result.status === 'ready' && <CsvButton onClick={() => downloadCsv(`population-dvh-${structure}.csv`, ['dose_gy', ...Object.keys(result.data.bands).map((q) => `p${q}_volume_percent`)],
          result.data.doseGy.map((d, i) => [d, ...Object.values(result.data.bands).map((b) => b[i])]))} />}
      </div>
      {result.status === 'loading' && <LoadingState label="Loading DVHs…" />}
      {result.status === 'error' && <ErrorState title="Population DVH unavailable" message={result.message} onRetry={result.reload} />}
      {result.status === 'ready' && (result.data.plans === 0
        ? <p className="muted">No plan has a DVH for {structure} yet.</p>
        : <BandsChart data={result.data} />)}
    </section>
  );
}

type Data = Awaited<ReturnType<typeof requestApi<'getPopulationDvh'>>>;

function BandsChart({ data }: { data: Data }) {
  const width = 560; const height = 260; const left = 44; const bottom = 28; const top = 10; const right = 12;
  const maxDose = Math.max(1, data.doseGy.at(-1) ?? 1);
  const x = (d: number) => left + (d / maxDose) * (width - left - right);
  const y = (v: number) => top + (1 - v / 100) * (height - top - bottom);
  const area = (lo: number[], hi: number[]) =>
    `M${data.doseGy.map((d, i) => `${x(d).toFixed(1)},${y(hi[i]).toFixed(1)}`).join('L')}L${[...data.doseGy].reverse().map((d, j) => `${x(d).toFixed(1)},${y(lo[lo.length - 1 - j]).toFixed(1)}`).join('L')}Z`;
  const line = (doses: number[], values: number[]) => doses.map((d, i) => `${i ? 'L' : 'M'}${x(d).toFixed(1)},${y(values[i]).toFixed(1)}`).join('');
  const b = data.bands;
  return (
    <svg width={width} height={height} role="img" aria-label={`population DVH of ${data.structure}, ${data.plans} plans`}>
      <path d={area(b['5'], b['95'])} fill="var(--accent-dim)" opacity={0.5} />
      <path d={area(b['25'], b['75'])} fill="var(--accent-dim)" opacity={0.9} />
      <path d={line(data.doseGy, b['50'])} fill="none" stroke="var(--accent)" strokeWidth={1.5} />
      {data.highlight && <path d={line(data.highlight.doseGy, data.highlight.volumePercent)} fill="none" stroke="var(--minor)" strokeWidth={2} />}
      <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke="var(--border)" />
      <line x1={left} x2={left} y1={top} y2={y(0)} stroke="var(--border)" />
      {[0, 25, 50, 75, 100].map((v) => <text key={v} x={left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" fill="var(--muted)">{v}%</text>)}
      {Array.from({ length: 5 }, (_, i) => Math.round((maxDose * i) / 4)).map((d) => <text key={d} x={x(d)} y={height - 10} fontSize={9} textAnchor="middle" fill="var(--muted)">{d} Gy</text>)}
      <text x={width - right} y={top + 10} fontSize={10} textAnchor="end" fill="var(--muted)">{data.plans} plans · median, 25–75 %, 5–95 %</text>
    </svg>
  );
}
