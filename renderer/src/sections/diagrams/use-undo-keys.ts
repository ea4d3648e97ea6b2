import { useEffect } from 'react';

/** True when a key press belongs to a text field (its own undo, its own Delete). */
export const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Ctrl+Z undoes the diagram's last command, Ctrl+Shift+Z (or Ctrl+Y) redoes
 * it, Cmd on a Mac; not while a text field has focus, nor under a dialog.
 */
export function useUndoKeys(undo: () => unknown, redo: () => unknown): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      if (document.getElementById('root')?.hasAttribute('inert')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
