import { useEffect, useMemo, useState } from 'react';
import type { CallOutput } from '../../../electron/common/api/contract';
import { callApi, onApiEvent, requestApi } from '../../api/rtqaClient';
import { rememberPlanOrder } from '../../app/planOrder';
import { useAsync } from '../../app/useAsync';
import { navigate } from '../../app/useHashRoute';
import { ProgressBar } from '../../ui/ProgressBar';
import { EmptyState, ErrorState, LoadingState } from '../../ui/StateMessages';
import { ImportPanel } from './ImportPanel';
import { progressLabel, useImportJob } from './useImportJob';
import { WorklistFilters, type WorklistFilterState } from './WorklistFilters';
import { WorklistTable } from './WorklistTable';

type Worklist = CallOutput<'getWorklist'>;

/** Makes sure the demo trial exists on first start, showing the generator's progress meanwhile. */
function useDemoTrial(): { ready: boolean; error: string | null; label: string; done: number; total: number } {
  const job = useImportJob();
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { start, finish } = job;
  useEffect(() => {
    let current = true;
    void (async () => {
      const trials = await callApi('listTrials', {});
      if (trials.ok && trials.data.trials.length > 0) { if (current) setReady(true); return; }
      const jobId = start();
      const demo = await callApi('ensureDemoTrial', { jobId });
      finish();
      if (!current) return;
      if (demo.ok) setReady(true); else setError(demo.error.message);
    })();
    return () => { current = false; };
  }, [start, finish]);
  return { ready, error, label: progressLabel(job.progress), done: job.progress?.done ?? 0, total: job.progress?.total ?? 0 };
}

export function WorklistScreen() {
  const demo = useDemoTrial();
  const [filters, setFilters] = useState<WorklistFilterState>({ search: '', grades: [], statuses: [] });
  const [search, setSearch] = useState('');
  // the search box answers as you type, but the query waits for a pause
  useEffect(() => { const t = setTimeout(() => setSearch(filters.search), 200); return () => clearTimeout(t); }, [filters.search]);
  // the worklist answers at once, also while the demo trial is being prepared (an import can run meanwhile);
  // it reloads when the demo is ready
  const worklist = useAsync<Worklist>(() => requestApi('getWorklist', {
    search: search || undefined,
    grades: filters.grades.length ? filters.grades : undefined,
    statuses: filters.statuses.length ? filters.statuses : undefined,
  }), [demo.ready, search, filters.grades, filters.statuses]);
  const { reload } = worklist;
  useEffect(() => onApiEvent('worklistChanged', () => reload()), [reload]);

  const planIds = useMemo(() => (worklist.status === 'ready'
    ? worklist.data.trials.flatMap((t) => t.centres.flatMap((c) => c.plans.map((p) => p.planId))) : []), [worklist]);
  useEffect(() => { if (planIds.length) rememberPlanOrder(planIds); }, [planIds]);

  const demoBanner = demo.error
    ? <div role="alert" style={{ color: 'var(--major)' }}>The demo trial could not be prepared: {demo.error}</div>
    : !demo.ready && (
      <div data-testid="demo-progress" style={{ maxWidth: 520 }}>
        <ProgressBar done={demo.done} total={demo.total} label={`Preparing the demo trial (first start): ${demo.label}`} />
      </div>
    );

  let body;
  if (worklist.status === 'loading') body = <LoadingState label="Loading the worklist…" />;
  else if (worklist.status === 'error') body = <ErrorState title="The worklist could not be loaded" message={worklist.message} onRetry={reload} />;
  else if (worklist.data.totalPlans === 0) body = <EmptyState title={demo.ready ? 'No plans match' : 'No plans yet'}>
    {demo.ready ? 'Clear the filters or import a folder of DICOM RT exports.' : 'The demo trial appears here when it is ready; you can import a folder meanwhile.'}</EmptyState>;
  else body = <WorklistTable trials={worklist.data.trials} onOpen={(planId) => navigate({ name: 'plan', planId })} />;

  return (
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0, padding: 12, gap: 10 }} data-testid="worklist">
      <div className="panel" style={{ padding: 10, display: 'flex', flexDirection: 'column', gap: 10 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <h2>Worklist</h2>
          {worklist.status === 'ready' && <span className="muted" data-testid="worklist-count">{worklist.data.totalPlans} plans</span>}
        </div>
        <WorklistFilters value={filters} onChange={setFilters} />
        <ImportPanel onImported={reload} />
        {demoBanner}
      </div>
      <div className="panel" style={{ flex: 1, minHeight: 0, overflow: 'auto', display: 'flex', flexDirection: 'column' }}>{body}</div>
    </div>
  );
}
