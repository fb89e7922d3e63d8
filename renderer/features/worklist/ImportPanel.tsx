import { useState } from 'react';
import type { ImportFolderResult } from '../../../electron/common/api/importSchemas';
import { callApi } from '../../api/rtqaClient';
import { ProgressBar } from '../../ui/ProgressBar';
import { progressLabel, useImportJob } from './useImportJob';

/**
 * Import of a folder of DICOM RT exports by path (the browser host cannot open a native folder picker, and the
 * folder is on this machine anyway). Shows the core's progress events while it runs, then what was skipped.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportFolderResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useImportJob();

  async function runImport() {
    setBusy(true); setError(null); setResult(null);
    const jobId = job.start();
    const answer = await callApi('importFolder', { path: path.trim(), jobId });
    job.finish();
    setBusy(false);
    if (answer.ok) { setResult(answer.data); onImported(); } else setError(answer.error.message);
  }

  return (
    <div className="import-panel" data-testid="import-panel">
      <form onSubmit={(e) => { e.preventDefault(); if (path.trim()) void runImport(); }} style={{ display: 'flex', gap: 6 }}>
        <input aria-label="Folder to import" placeholder="/path/to/dicom/folder" value={path} onChange={(e) => setPath(e.target.value)}
          style={{ flex: 1 }} disabled={busy} data-testid="import-path" />
        <button type="submit" className="primary" disabled={busy || !path.trim()} data-testid="import-start">Import folder</button>
      </form>
      {busy && <div style={{ marginTop: 8 }} data-testid="import-progress">
        <ProgressBar done={job.progress?.done ?? 0} total={job.progress?.total ?? 0} label={progressLabel(job.progress)} />
      </div>}
      {error && <div role="alert" style={{ color: 'var(--major)', marginTop: 6 }}>{error}</div>}
      {result && <div style={{ marginTop: 6 }} data-testid="import-result">
        Imported {result.plansImported} plan{result.plansImported === 1 ? '' : 's'}
        {result.plansSkipped > 0 && `, ${result.plansSkipped} already present`}, {result.plansEvaluated} evaluated.
        {result.errors.length > 0 && <details><summary style={{ color: 'var(--minor)' }}>{result.errors.length} file(s) could not be used</summary>
          <ul className="mono" style={{ fontSize: 11 }}>{result.errors.slice(0, 50).map((e) => <li key={e.file}>{e.file}: {e.message}</li>)}</ul></details>}
      </div>}
    </div>
  );
}
