/** A short line beside a control saying what it did (or why not), read out by screen readers; nothing while empty. */
export function StatusNote({ text, className }: { text: string | null; className?: string }) {
  if (!text) return null;
  return (
    <span className={className ? `small muted ${className}` : 'small muted'} role="status">
      {text}
    </span>
  );
}
