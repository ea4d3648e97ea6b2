import type { KeyboardEvent, ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './dialogs.css';

/**
 * Shows a modal dialog and resolves with its answer. It gets a React root of
 * its own, so that code outside components (the browser shell, case
 * actions) can ask and await like a native dialog. While it is open the app
 * behind is inert — no clicks, no focus, hidden from screen readers — and
 * focus returns afterwards to where it was.
 */
export function showModal<T>(render: (answer: (value: T) => void) => ReactNode): Promise<T> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    const app = document.getElementById('root');
    const wasInert = app?.hasAttribute('inert') ?? false;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    app?.setAttribute('inert', '');
    const root = createRoot(host);
    let answered = false;
    const answer = (value: T) => {
      if (answered) return;
      answered = true;
      if (!wasInert) app?.removeAttribute('inert');
      // Unmounting from inside the dialog's own event handler is deferred to after it.
      setTimeout(() => {
        root.unmount();
        host.remove();
        before?.focus();
      });
      resolve(value);
    };
    root.render(render(answer));
  });
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/**
 * A modal's keys, for its outermost element's onKeyDown: Escape cancels, and
 * Tab and Shift+Tab go round its own controls instead of leaving it.
 */
export function modalKeys(e: KeyboardEvent<HTMLElement>, onCancel: () => void): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    onCancel();
    return;
  }
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
