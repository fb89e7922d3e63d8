import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts for the review screen. Keys typed into a text field, a select or with a modifier are
 * left alone, so writing an override reason never jumps to another finding.
 */
export function useKeyboardShortcuts(bindings: Record<string, () => void>): void {
  const ref = useRef(bindings);
  ref.current = bindings;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const action = ref.current[event.key];
      if (action) { event.preventDefault(); action(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** What the help overlay lists; the review screen binds exactly these keys. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['j'], action: 'Next finding (views move to its worst-dose point)' },
  { keys: ['k'], action: 'Previous finding' },
  { keys: ['n'], action: 'Next plan in the worklist' },
  { keys: ['p'], action: 'Previous plan in the worklist' },
  { keys: ['d'], action: 'Dose colourwash on/off' },
  { keys: ['i'], action: 'Isodose lines on/off' },
  { keys: ['r'], action: 'Risk map overlay on/off (when the plan has one)' },
  { keys: ['w'], action: 'Back to the worklist' },
  { keys: ['?'], action: 'This help' },
  { keys: ['Esc'], action: 'Close help' },
];
