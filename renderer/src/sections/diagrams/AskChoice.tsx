import { useId, useState } from 'react';
import { modalKeys, showModal } from '../../components/modal';

/** Asks to pick one of a few options; null when cancelled. */
export function askChoice(title: string, options: { value: string; label: string }[]): Promise<string | null> {
  return showModal<string | null>((answer) => <ChoiceDialog title={title} options={options} onDone={answer} />);
}

function ChoiceDialog(props: {
  title: string;
  options: { value: string; label: string }[];
  onDone(v: string | null): void;
}) {
  const { title, options, onDone } = props;
  const titleId = useId();
  const [value, setValue] = useState(options[0]!.value);
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => modalKeys(e, () => onDone(null))}
        onSubmit={(e) => {
          e.preventDefault();
          onDone(value);
        }}
      >
        <header>
          <h2 id={titleId}>{title}</h2>
        </header>
        <div className="modal-body">
          {options.map((o) => (
            <label key={o.value} className="check" style={{ display: 'block' }}>
              <input type="radio" checked={value === o.value} onChange={() => setValue(o.value)} /> {o.label}
            </label>
          ))}
        </div>
        <footer>
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" autoFocus>
            Continue
          </button>
        </footer>
      </form>
    </div>
  );
}
