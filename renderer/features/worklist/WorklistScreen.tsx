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
  const worklist = useAsync<Worklist>(() => (demo.ready ? requestApi('getWorklist', {
    search: search || undefined,
    grades: filters.grades.length ? filters.grades : undefined,
    statuses: filters.statuses.length ? filters.statuses : undefined,
  }) : new Promise<Worklist>(() => undefined)), [demo.ready, search, filters.grades, filters.statuses]);
  const { reload } = worklist;
  useEffect(() => onApiEvent('worklistChanged', () => reload()), [reload]);

  const planIds = useMemo(() => (worklist.status === 'ready'
    ? worklist.data.trials.flatMap((t) => t.centres.flatMap((c) => c.plans.map((p) => p.planId))) : []), [worklist]);
  useEffect(() => { if (planIds.length) rememberPlanOrder(planIds); }, [planIds]);

  let body;
  if (demo.error) body = <ErrorState title="The demo trial could not be prepared" message={demo.error} />;
  else if (!demo.ready) body = (
    <div className="state" data-state="loading" data-testid="demo-progress" style={{ minWidth: 420 }}>
      <h2 style={{ color: 'var(--text)', marginBottom: 10 }}>Preparing the demo trial (first start)</h2>
      <ProgressBar done={demo.done} total={demo.total} label={demo.label} />
    </div>
  );
  else if (worklist.status === 'loading') body = <LoadingState label="Loading the worklist…" />;
  else if (worklist.status === 'error') body = <ErrorState title="The worklist could not be loaded" message={worklist.message} onRetry={reload} />;
  else if (worklist.data.totalPlans === 0) body = <EmptyState title="No plans match">Clear the filters or import a folder of DICOM RT exports.</EmptyState>;
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
      </div>
      <div className="panel" style={{ flex: 1, minHeight: 0, overflow: 'auto', display: 'flex', flexDirection: 'column' }}>{body}</div>
    </div>
  );
}
