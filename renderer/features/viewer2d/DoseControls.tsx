import type { CtWindow } from './OrthoViewer';
import type { DoseDisplay } from './viewerTypes';

export const CT_PRESETS: Record<string, CtWindow> = {
  'Soft tissue': { centerHu: 40, widthHu: 400 },
  Bone: { centerHu: 400, widthHu: 1800 },
  Lung: { centerHu: -600, widthHu: 1500 },
  Brain: { centerHu: 40, widthHu: 80 },
};

const ISODOSE_COLORS = ['#ff2d2d', '#ffa12d', '#fff03d', '#3dff6e', '#3dd8ff', '#5b7cff', '#c05bff'];

/** Isodose levels as percent of the prescription, turned into absolute lines with colours (highest first). */
export function isodoseLevels(percents: readonly number[], prescriptionGy: number): DoseDisplay['isodoseLevels'] {
  return [...percents].sort((a, b) => b - a).map((p, n) => ({ doseGy: (p / 100) * prescriptionGy, color: ISODOSE_COLORS[n % ISODOSE_COLORS.length], label: `${p}%` }));
}

export interface DoseControlsProps {
  readonly display: DoseDisplay;
  readonly onDisplay: (d: DoseDisplay) => void;
  readonly percents: readonly number[];
  readonly onPercents: (p: number[]) => void;
  readonly prescriptionGy: number;
  readonly ctWindow: CtWindow;
  readonly onCtWindow: (w: CtWindow) => void;
  /** more controls at the toolbar's end (the risk map's) */
  readonly children?: React.ReactNode;
}

/** Toolbar over the views: CT window, dose wash range and opacity, isodose levels (% of Rx). */
export function DoseControls(p: DoseControlsProps) {
  const d = p.display;
  return (
    <div className="toolbar panel" data-testid="dose-controls">
      <label>CT <select aria-label="CT window" value={Object.entries(CT_PRESETS).find(([, w]) => w.centerHu === p.ctWindow.centerHu && w.widthHu === p.ctWindow.widthHu)?.[0] ?? ''}
        onChange={(e) => { const w = CT_PRESETS[e.target.value]; if (w) p.onCtWindow(w); }}>
        <option value="" disabled>custom {Math.round(p.ctWindow.centerHu)}/{Math.round(p.ctWindow.widthHu)}</option>
        {Object.keys(CT_PRESETS).map((k) => <option key={k}>{k}</option>)}
      </select></label>
      <label><input type="checkbox" checked={d.showWash} onChange={(e) => p.onDisplay({ ...d, showWash: e.target.checked })} /> Colourwash</label>
      <label>from <input type="number" step={0.5} value={d.minGy} aria-label="Colourwash lower dose Gy" onChange={(e) => p.onDisplay({ ...d, minGy: Number(e.target.value) })} /></label>
      <label>to <input type="number" step={0.5} value={d.maxGy} aria-label="Colourwash upper dose Gy" onChange={(e) => p.onDisplay({ ...d, maxGy: Number(e.target.value) })} /> Gy</label>
      <label>opacity <input type="range" min={0} max={1} step={0.05} value={d.opacity} aria-label="Colourwash opacity" onChange={(e) => p.onDisplay({ ...d, opacity: Number(e.target.value) })} /></label>
      <label><input type="checkbox" checked={d.showIsodose} onChange={(e) => p.onDisplay({ ...d, showIsodose: e.target.checked })} /> Isodoses</label>
      <label>at <input type="text" style={{ width: 110 }} aria-label="Isodose levels percent of prescription" defaultValue={p.percents.join(', ')}
        onBlur={(e) => { const v = e.target.value.split(/[ ,;]+/).map(Number).filter((n) => Number.isFinite(n) && n > 0 && n < 200); if (v.length) p.onPercents(v); }} /> % of {p.prescriptionGy} Gy</label>
      <span style={{ display: 'inline-flex', gap: 6 }}>
        {d.isodoseLevels.map((l) => <span key={l.label} style={{ color: l.color }} className="mono">{l.label}</span>)}
      </span>
      {p.children}
    </div>
  );
}
