/**
 * One way to write dates everywhere in the app: ISO 8601 (YYYY-MM-DD, and
 * HH:MM for a moment), as customs records already are. A locale's format
 * (12/4/2026) is ambiguous between day and month, which an investigator
 * citing a date cannot afford, and would differ from the records beside it.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp (ISO string or epoch ms) as the local calendar day: 2026-12-04. */
export function formatDate(at: string | number | Date): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A timestamp as local day and minute: 2026-12-04 14:05. */
export function formatDateTime(at: string | number | Date): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
