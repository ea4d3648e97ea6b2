/** The optional "why" an investigator gives with a merge or split; it is kept with the judgement. */
export function NoteInput({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (note: string) => void;
  label: string;
}) {
  return (
    <input
      type="text"
      className="note-input"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder="Why (optional note)"
      aria-label={label}
    />
  );
}
