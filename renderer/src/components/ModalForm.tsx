import { useId, type ReactNode } from 'react';
import { modalKeys } from './modal';

interface ModalFormProps {
  title: ReactNode;
  /** Extra class names for the dialog box (its size and layout), after `modal`. */
  className?: string;
  /** The primary button's words ("Add", "Save", "Continue"). */
  action: string;
  /** The primary button is greyed out and Enter does nothing while the answer is not valid. */
  disabled?: boolean;
  /** Focus the primary button when the dialog opens (for dialogs without a text field to type in). */
  focusAction?: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * The frame every in-app question shares: a backdrop, a form that is a
 * labelled modal dialog, Escape and the Tab trap (modalKeys), and the
 * Cancel / primary buttons. Enter submits through the form, so a dialog only
 * says what its fields are and what its answer means.
 */
export function ModalForm(props: ModalFormProps) {
  const { title, className, action, disabled = false, focusAction = false, onSubmit, onCancel, children } = props;
  const titleId = useId();
  return (
    <div className="modal-backdrop">
      <form
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => modalKeys(e, onCancel)}
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled) onSubmit();
        }}
      >
        <header>
          <h2 id={titleId}>{title}</h2>
        </header>
        <div className="modal-body">{children}</div>
        <footer>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={disabled} autoFocus={focusAction}>
            {action}
          </button>
        </footer>
      </form>
    </div>
  );
}
