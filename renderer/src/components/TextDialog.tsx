import { useId, useState } from 'react';
import { modalKeys, showModal } from './modal';

interface TextQuestion {
  title: string;
  label: string;
  initial: string;
  action: string;
}

/**
 * Asks for one line of text in an in-app modal; null when cancelled. It
 * stands in for window.prompt, which Electron does not support and which a
 * browser shows outside the page.
 */
export function askText(question: TextQuestion): Promise<string | null> {
  return showModal<string | null>((answer) => <TextDialog {...question} onDone={answer} />);
}

function TextDialog({ title, label, initial, action, onDone }: TextQuestion & { onDone(value: string | null): void }) {
  const [value, setValue] = useState(initial);
  const titleId = useId();
  const trimmed = value.trim();
  return (
    <div className="modal-backdrop">
      <form
        className="modal text-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => modalKeys(e, () => onDone(null))}
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onDone(trimmed);
        }}
      >
        <header>
          <h2 id={titleId}>{title}</h2>
        </header>
        <div className="modal-body">
          <label className="field">
            {label}
            <input
              type="text"
              value={value}
              autoFocus
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
        </div>
        <footer>
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed}>
            {action}
          </button>
        </footer>
      </form>
    </div>
  );
}
