import { RECORD_FIELDS, type Mapping } from '../../../../shared/domain/records';

/**
 * How a record keeps its raw row, losslessly and compactly. Most raw values
 * are exactly what the normalized column holds (a name, a description, an
 * ISO date, `17975.175`), so storing the row again would double the case
 * and the million-row import's time. `records.raw` therefore holds only the
 * values the normalized columns do not reproduce — unmapped columns,
 * `ИМ` that became `import`, a date written `04.03.2022`, a padded name —
 * as a JSON object {column index: value}. The row as read is rebuilt from
 * the record, the import's header and mapping, and that object; each
 * value is checked at import time (reproduced text === raw text), so the
 * rebuilt row is always exactly the row as it was read.
 */
export type RawDelta = string;

const FIELD_INDEX = new Map(RECORD_FIELDS.map((f, i) => [f, i]));

/** For each column, the slot (RECORD_FIELDS index) whose value may reproduce it, or -1. */
export function rawSlots(columns: string[], mapping: Mapping): Int32Array {
  const slots = new Int32Array(columns.length).fill(-1);
  columns.forEach((c, i) => {
    const field = mapping.columns[c];
    if (field) slots[i] = FIELD_INDEX.get(field)!;
  });
  return slots;
}

/** The text a normalized value stands for. */
const render = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : (v as string);

/**
 * Whether String(Number(text)) gives `text` back unchanged: an optional '-',
 * no leading or trailing zeros, at most 15 significant digits (so the double
 * round-trips), not '-0', and not below 1e-6 (where String() switches to
 * exponent form: 0.0000001 → '1e-7'). A character loop: this runs on every
 * numeric cell of a million-row import, and regular expressions cost 3× more.
 */
export function isCanonicalNumber(f: string): boolean {
  const n = f.length;
  let i = f.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  let significant = 0;
  if (f.charCodeAt(i) === 48) {
    i++;
    if (i === n) return f !== '-0';
  } else {
    for (; i < n; i++) {
      const c = f.charCodeAt(i);
      if (c < 48 || c > 57) break;
      significant++;
    }
    if (significant === 0) return false;
    if (i === n) return significant <= 15;
  }
  if (f.charCodeAt(i) !== 46 || i + 1 === n || f.charCodeAt(n - 1) === 48) return false;
  let leadingZeros = 0;
  for (i++; i < n; i++) {
    const c = f.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    if (significant === 0 && c === 48) leadingZeros++;
    else significant++;
  }
  return significant <= 15 && leadingZeros < 6;
}

function reproduces(v: string | number | null | undefined, f: string): boolean {
  if (typeof v === 'number') return isCanonicalNumber(f) ? Number(f) === v : String(v) === f;
  return v === null || v === undefined ? f === '' : v === f;
}

export function rawDelta(fields: string[], values: (string | number | null)[], slots: Int32Array): RawDelta {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const slot = i < slots.length ? slots[i]! : -1;
    if (slot >= 0 && reproduces(values[slot], f)) continue;
    out += `${out ? ',' : '{'}"${i}":${JSON.stringify(f)}`;
  }
  return out ? `${out}}` : '{}';
}

/** Rebuilds the row as read from a record's normalized values (RECORD_FIELDS order) and its delta. */
export function rebuildRaw(
  values: (string | number | null)[],
  delta: RawDelta,
  columns: string[],
  mapping: Mapping,
): string[] {
  const kept = JSON.parse(delta) as Record<string, string>;
  const slots = rawSlots(columns, mapping);
  return columns.map((_c, i) => kept[i] ?? (slots[i]! >= 0 ? render(values[slots[i]!]) : ''));
}
