import { useState } from 'react';
import { showModal } from '../../components/modal';
import { ModalForm } from '../../components/ModalForm';

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
  const [value, setValue] = useState(options[0]!.value);
  return (
    <ModalForm title={title} action="Continue" focusAction onSubmit={() => onDone(value)} onCancel={() => onDone(null)}>
      {options.map((o) => (
        <label key={o.value} className="check" style={{ display: 'block' }}>
          <input type="radio" checked={value === o.value} onChange={() => setValue(o.value)} /> {o.label}
        </label>
      ))}
    </ModalForm>
  );
}
