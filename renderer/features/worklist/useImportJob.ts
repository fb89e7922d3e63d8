import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../electron/common/api/importSchemas';
import { onApiEvent } from '../../api/rtqaClient';

export interface ImportJobState {
  readonly jobId: string | null;
  readonly progress: ImportProgress | null;
}

let jobCounter = 0;

/** A job id for an import plus the progress events the core sends for exactly that id. */
export function useImportJob(): ImportJobState & { start: () => string; finish: () => void } {
  const [state, setState] = useState<ImportJobState>({ jobId: null, progress: null });
  const jobRef = useRef<string | null>(null);
  useEffect(() => onApiEvent('importProgress', (progress) => {
    if (progress.jobId === jobRef.current) setState((s) => ({ ...s, progress }));
  }), []);
  const start = useCallback(() => {
    jobCounter += 1;
    const jobId = `job-${Date.now().toString(36)}-${jobCounter}`;
    jobRef.current = jobId;
    setState({ jobId, progress: null });
    return jobId;
  }, []);
  const finish = useCallback(() => { jobRef.current = null; setState({ jobId: null, progress: null }); }, []);
  return { ...state, start, finish };
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  scan: 'Scanning files', read: 'Reading DICOM', dvh: 'Computing DVHs', evaluate: 'Evaluating against the protocol',
  store: 'Saving', done: 'Done', failed: 'Failed',
};

export function progressLabel(progress: ImportProgress | null): string {
  if (!progress) return 'Starting…';
  const counts = progress.total > 0 ? ` ${progress.done}/${progress.total}` : '';
  return `${PHASE_LABELS[progress.phase]}${counts}${progress.message ? ` — ${progress.message}` : ''}`;
}
