import { useState } from 'react';
import { showModal } from './modal';
import { ModalForm } from './ModalForm';

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
  const trimmed = value.trim();
  return (
    <ModalForm
      title={title}
      className="text-dialog"
      action={action}
      disabled={!trimmed}
      onSubmit={() => onDone(trimmed)}
      onCancel={() => onDone(null)}
    >
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
    </ModalForm>
  );
}
