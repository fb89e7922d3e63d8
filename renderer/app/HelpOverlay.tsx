import { SHORTCUTS } from './useKeyboardShortcuts';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay-backdrop" onClick={onClose} data-testid="help-overlay">
      <div className="overlay-card" onClick={(e) => e.stopPropagation()} role="dialog" aria-label="Keyboard shortcuts">
        <h2 style={{ marginBottom: 10 }}>Keyboard shortcuts</h2>
        <table className="grid"><tbody>
          {SHORTCUTS.map((s) => <tr key={s.action}><td>{s.keys.map((k) => <span key={k} className="kbd">{k}</span>)}</td><td>{s.action}</td></tr>)}
        </tbody></table>
        <h3 style={{ margin: '12px 0 4px' }}>Mouse on the 2D views</h3>
        <div className="muted">Click or drag: move the crosshair (all views follow) · Wheel: scroll slices · Ctrl/Shift+wheel: zoom · Right-drag: CT window</div>
        <div style={{ textAlign: 'right', marginTop: 12 }}><button onClick={onClose}>Close</button></div>
      </div>
    </div>
  );
}
