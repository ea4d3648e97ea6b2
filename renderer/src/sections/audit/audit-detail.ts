/**
 * An audit entry's detail as an investigator reads it: one "Label: value"
 * line per fact, in the order they were recorded, instead of raw JSON.
 * The log itself keeps the JSON (it is what the hash chain covers); this is
 * only how it is shown.
 */
export interface DetailLine {
  label: string;
  value: string;
  /** The full value when the shown one was shortened (a hash). */
  full?: string;
}

/** Words that read better in capitals than as the code spells them. */
const WORDS: Record<string, string> = { id: 'ID', ids: 'IDs', sha256: 'SHA-256', usd: 'USD', hs: 'HS', url: 'URL' };

/** `rowsImported` → "Rows imported", `entity_id` → "Entity ID", `sha256` → "SHA-256". */
export function humanLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

const CODE_KEY = /^[a-z][a-zA-Z0-9_]*$/;
const HEX_HASH = /^[0-9a-f]{40,}$/i;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueText(v: unknown, nested = false): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  // A hash inside a list or an object is shortened; a top-level one keeps its full value in a tooltip.
  if (typeof v === 'string') return nested && HEX_HASH.test(v) ? `${v.slice(0, 12)}…` : v;
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(x, true)).join(v.some(isObject) ? '; ' : ', ') : '—';
  if (isObject(v)) {
    // Keys in code style are the app's own words; any other key is data (a file's column name) and stays as it is.
    const parts = Object.entries(v).map(([k, x]) =>
      CODE_KEY.test(k) ? `${humanLabel(k)} ${valueText(x, true)}` : `${k} → ${valueText(x, true)}`,
    );
    return parts.length ? parts.join(' · ') : '—';
  }
  return String(v);
}

export function detailLines(detail: unknown): DetailLine[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ label: 'Detail', value: valueText(detail) }];
  return Object.entries(detail as Record<string, unknown>).map(([key, v]) => {
    const label = humanLabel(key);
    if (typeof v === 'string' && HEX_HASH.test(v)) return { label, value: `${v.slice(0, 12)}…`, full: v };
    return { label, value: valueText(v) };
  });
}
