import { requestApi } from '../../api/rtqaClient';
import { useAsync } from '../../app/useAsync';
import { ErrorState, LoadingState } from '../../ui/StateMessages';
import { AgreementPanels } from './AgreementPanels';
import { CentreRatesTable } from './CentreRatesTable';
import { DriftCharts } from './DriftCharts';
import { PopulationDvhPanel } from './PopulationDvhPanel';
import './committee.css';

/**
 * The QA committee's view of a trial: which centres deviate, on what, whether it is getting worse, whether
 * reviewers agree, and whether the models agree with them. Same figures as `rtqa report --by centre`.
 */
export function CommitteeScreen({ trialId }: { trialId?: string }) {
  const summary = useAsync(() => requestApi('getCommitteeSummary', trialId ? { trialId } : {}), [trialId]);
  if (summary.status === 'loading') return <LoadingState label="Computing committee figures…" />;
  if (summary.status === 'error') return <ErrorState title="Committee figures unavailable" message={summary.message} onRetry={summary.reload} />;
  const s = summary.data;
  if (s.totals.plans === 0) return <div className="state"><p>No plans yet: import a trial from the worklist first.</p></div>;
  return (
    <div className="committee scroll" data-testid="committee-screen">
      <header className="committee-header">
        <h1>QA committee</h1>
        <span data-testid="committee-totals" data-plans={s.totals.plans} data-major={s.totals.major} data-minor={s.totals.minor}>
          {s.totals.plans} plans · <span className="chip per_protocol">Per protocol {s.totals.perProtocol}</span>{' '}
          <span className="chip minor">Minor {s.totals.minor}</span> <span className="chip major">Major {s.totals.major}</span>{' '}
          <span className="chip not_evaluable">Not evaluable {s.totals.notEvaluable}</span>
        </span>
        <span className="muted">κ (reviewers): {s.kappa === null ? 'not enough double reviews' : s.kappa.toFixed(2)}</span>
      </header>
      <CentreRatesTable centres={s.centres} />
      <DriftCharts centres={s.centres} />
      <PopulationDvhPanel trialId={trialId} />
      <AgreementPanels summary={s} />
      <p className="muted method">{s.method}</p>
    </div>
  );
}
