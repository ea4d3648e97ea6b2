import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { modalKeys } from './modal';

interface ModalFrameProps {
  title: ReactNode;
  /** Extra class names for the dialog box (its size and layout), after `modal`. */
  className?: string;
  /** Escape (and, in ModalForm, Cancel). */
  onCancel(): void;
  /** Given, the dialog is a form and Enter submits it; without it, a plain box (one that holds forms of its own). */
  onSubmit?(): void;
  /** Everything under the title: the body and the footer with the buttons. */
  children: ReactNode;
}

/**
 * The frame every in-app dialog shares: a backdrop, a box that is a
 * labelled modal dialog under its title, and Escape and the Tab trap
 * (modalKeys). What is in it and which buttons it ends with is the dialog's.
 */
export function ModalFrame({ title, className, onCancel, onSubmit, children }: ModalFrameProps) {
  const titleId = useId();
  const box = {
    className: className ? `modal ${className}` : 'modal',
    role: 'dialog',
    'aria-modal': 'true' as const,
    'aria-labelledby': titleId,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => modalKeys(e, onCancel),
  };
  const content = (
    <>
      <header>
        <h2 id={titleId}>{title}</h2>
      </header>
      {children}
    </>
  );
  return (
    <div className="modal-backdrop">
      {onSubmit ? (
        <form
          {...box}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        <div {...box}>{content}</div>
      )}
    </div>
  );
}

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
 * An in-app question: the modal frame with a body and the Cancel / primary
 * buttons. Enter submits through the form, so a dialog only says what its
 * fields are and what its answer means.
 */
export function ModalForm(props: ModalFormProps) {
  const { title, className, action, disabled = false, focusAction = false, onSubmit, onCancel, children } = props;
  return (
    <ModalFrame
      title={title}
      className={className}
      onCancel={onCancel}
      onSubmit={() => {
        if (!disabled) onSubmit();
      }}
    >
      <div className="modal-body">{children}</div>
      <footer>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={disabled} autoFocus={focusAction}>
          {action}
        </button>
      </footer>
    </ModalFrame>
  );
}
