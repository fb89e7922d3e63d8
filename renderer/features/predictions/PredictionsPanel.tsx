import { requestApi } from '../../api/rtqaClient';
import { useAsync } from '../../app/useAsync';
import { OodWarning } from './OodWarning';
import { PredictionCard } from './PredictionCard';
import { primaryPredictions } from './predictionView';

/**
 * The model predictions of one plan for the review screen: a card per head, an out-of-distribution warning,
 * and a reminder that these are research models trained on synthetic data. Says why when there is nothing.
 */
export function PredictionsPanel({ planId }: { planId: string }) {
  const state = useAsync(() => requestApi('getPredictions', { planId }), [planId]);
  if (state.status === 'loading') return <div className="muted">Loading predictions…</div>;
  if (state.status === 'error') return <div className="muted" role="alert">Predictions could not be loaded: {state.message}</div>;
  const p = state.data;
  if (!p.available) return <div className="muted" data-testid="predictions-unavailable">{p.reason ?? 'No predictions for this plan.'}</div>;
  return (
    <div data-testid="predictions-panel" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <OodWarning reasons={p.outOfDistribution} />
      {primaryPredictions(p).map((row) => <PredictionCard key={`${row.modelName}/${row.head}`} row={row} all={p} />)}
      <div className="muted" style={{ fontSize: 11 }} data-testid="predictions-risk-map" data-has-risk-map={p.hasRiskMap ? 'true' : 'false'}>
        {p.hasRiskMap ? 'Spatial risk map: purple surface in the 3D view; "Risk map" (R) draws it on the slices.' : 'No spatial risk map stored for this plan.'}
      </div>
      <div className="muted" style={{ fontSize: 10 }}>Research models trained on a synthetic trial; not for clinical decisions.</div>
    </div>
  );
}
