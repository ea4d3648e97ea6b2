/** Plain-text output for people; --json gives the machine form. */
export function printHuman(value: unknown): void {
  const out = process.stdout;
  if (Array.isArray(value)) {
    if (value.length === 0) out.write('(none)\n');
    for (const item of value) out.write(`${humanLine(item)}\n`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      out.write(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`);
  } else if (value !== null) out.write(`${String(value)}\n`);
}

/** One item of a list as a line: its non-empty fields as key=value. */
export function humanLine(item: unknown): string {
  if (typeof item !== 'object' || item === null) return String(item);
  return Object.entries(item as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('  ');
}
