import type { RiskDisplay } from './drawRiskOverlay';
import { RISK_FLOOR } from './riskWashPixels';

export interface RiskControlsProps {
  readonly display: RiskDisplay;
  readonly onDisplay: (d: RiskDisplay) => void;
  /** whether the plan has a stored risk map (rtqa predict --store) */
  readonly available: boolean;
}

/**
 * The risk map's switch and opacity, in the dose toolbar. Disabled, with the reason as its tooltip, when the plan
 * has no stored map. The legend reads the colour scale in numbers: pale = the floor below which nothing is drawn,
 * violet = 1, the most attended patch (the map is relative: attention scaled by its peak).
 */
export function RiskControls({ display, onDisplay, available }: RiskControlsProps) {
  const why = available
    ? 'Relative risk from the spatial model\'s patch attention (research model, not for clinical decisions); R toggles'
    : 'No risk map stored for this plan: run rtqa predict PATH --store';
  return (
    <span className="risk-controls" data-testid="risk-controls" data-available={available ? 'true' : 'false'} title={why}
      style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <label>
        <input type="checkbox" data-testid="risk-toggle" disabled={!available} checked={available && display.show}
          onChange={(e) => onDisplay({ ...display, show: e.target.checked })} /> Risk map
      </label>
      <span data-testid="risk-legend" title={`Relative risk: transparent at or below ${RISK_FLOOR}, 1 = the patch the spatial model attends to most`}
        style={{ display: 'inline-flex', gap: 3, alignItems: 'center', fontSize: 11, opacity: available ? 1 : 0.3 }}>
        <span data-testid="risk-legend-low">{RISK_FLOOR}</span>
        <span aria-hidden style={{ width: 36, height: 8, borderRadius: 2, background: 'linear-gradient(90deg, rgb(205,170,255), rgb(130,20,210))' }} />
        <span data-testid="risk-legend-high">1 (peak)</span>
      </span>
      <label>opacity <input type="range" min={0} max={1} step={0.05} value={display.opacity} disabled={!available} aria-label="Risk map opacity"
        onChange={(e) => onDisplay({ ...display, opacity: Number(e.target.value) })} /></label>
    </span>
  );
}
