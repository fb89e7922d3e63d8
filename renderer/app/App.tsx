import { useState } from 'react';
import type { AppInfo } from '../../electron/common/api/appInfoSchemas';
import { requestApi } from '../api/rtqaClient';
import { CommitteeScreen } from '../features/committee/CommitteeScreen';
import { PlanReviewScreen } from '../features/review/PlanReviewScreen';
import { WorklistScreen } from '../features/worklist/WorklistScreen';
import { ErrorState, LoadingState } from '../ui/StateMessages';
import { HelpOverlay } from './HelpOverlay';
import { useAsync } from './useAsync';
import { navigate, useHashRoute } from './useHashRoute';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/** The shell: top bar, the current screen (worklist or plan review) and the help overlay. */
export function App() {
  const route = useHashRoute();
  const info = useAsync<AppInfo>(() => requestApi('getAppInfo', {}), []);
  const [help, setHelp] = useState(false);
  useKeyboardShortcuts({ '?': () => setHelp((h) => !h), Escape: () => setHelp(false) });

  let screen;
  if (info.status === 'loading') screen = <LoadingState label="Connecting to the RTQA host…" />;
  else if (info.status === 'error') screen = <ErrorState title="The RTQA host does not answer" message={info.message} onRetry={info.reload} />;
  else if (route.name === 'plan') screen = <PlanReviewScreen key={route.planId} planId={route.planId} defaultReviewer={info.data.defaultReviewer} />;
  else if (route.name === 'committee') screen = <CommitteeScreen />;
  else screen = <WorklistScreen />;

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand" style={{ cursor: 'pointer' }} onClick={() => navigate({ name: 'worklist' })}>RTQA Review</span>
        <span className="muted">Radiotherapy plan quality assurance</span>
        <nav className="topnav">
          <button type="button" className={route.name === 'worklist' ? 'primary' : ''} onClick={() => navigate({ name: 'worklist' })} data-testid="nav-worklist">Worklist</button>
          <button type="button" className={route.name === 'committee' ? 'primary' : ''} onClick={() => navigate({ name: 'committee' })} data-testid="nav-committee">Committee</button>
        </nav>
        <span className="spacer" />
        {info.status === 'ready' && <span className="muted mono" style={{ fontSize: 11 }} title={info.data.databasePath}>v{info.data.appVersion} · {info.data.host}</span>}
        <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)" data-testid="help-button">?</button>
      </header>
      <main className="content">{screen}</main>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
