import {
  RECORD_FIELDS,
  type Mapping,
  type NormalizedFields,
  type RecordField,
  type RecordFlag,
} from '../../../../shared/domain/records';
import { normalizeCountry } from './countries';
import { parseDate } from './dates';
import { normalizeHs } from './hs';
import { parseNumber } from './numbers';
import { rawDelta, rawSlots } from './raw-row';

/** The normalized values in RECORD_FIELDS order (what the inserter binds), and the row's flags. */
export interface NormalizedRow {
  values: (string | number | null)[];
  flags: RecordFlag[];
  /** The raw values the normalized ones do not reproduce (see raw-row.ts). */
  rawDelta: string;
}

type Kind = 'text' | 'number' | 'weight' | 'date' | 'hs' | 'country' | 'direction' | 'upper';

const KIND: Partial<Record<RecordField, Kind>> = {
  date: 'date',
  hsCode: 'hs',
  quantity: 'number',
  value: 'number',
  valueUsd: 'number',
  netKg: 'weight',
  grossKg: 'weight',
  shipperCountry: 'country',
  consigneeCountry: 'country',
  originCountry: 'country',
  destinationCountry: 'country',
  tradingCountry: 'country',
  direction: 'direction',
  currency: 'upper',
};

const FIELD_INDEX = new Map(RECORD_FIELDS.map((f, i) => [f, i]));
const PARTY_FIELDS: RecordField[] = ['shipper', 'consignee'];

/** Pounds and tonnes to kilograms, when a mapping names the weight-unit column. */
const TO_KG: Record<string, number> = {
  KG: 1,
  KGS: 1,
  КГ: 1,
  千克: 1,
  LB: 0.45359237,
  LBS: 0.45359237,
  T: 1000,
  MT: 1000,
  TNE: 1000,
  Т: 1000,
  吨: 1000,
};

const DIRECTIONS: Record<string, string> = {
  ИМ: 'import',
  IM: 'import',
  I: 'import',
  IMPORT: 'import',
  ИМПОРТ: 'import',
  进口: 'import',
  ЭК: 'export',
  EK: 'export',
  EX: 'export',
  E: 'export',
  EXPORT: 'export',
  ЭКСПОРТ: 'export',
  出口: 'export',
};

/** Spreadsheet formula or DDE payloads (OWASP CSV injection): flagged, stored as text, never run. */
const FORMULA = /^[=+@\t\r]|^-.*[+(!|=]/;

/**
 * Compiles a mapping against a header into a function that normalizes one
 * row: dates per the mapping's order, amounts with either decimal mark,
 * HS codes as digit strings, countries to alpha-2, and the flags that say
 * what looked wrong. The raw values are never changed; they are stored too.
 */
export function compileNormalizer(columns: string[], mapping: Mapping): (fields: string[]) => NormalizedRow {
  const order = mapping.dateOrder ?? 'auto';
  const decimal = mapping.decimal ?? 'auto';
  const plan: { col: number; slot: number; kind: Kind }[] = [];
  const mappedParties = new Set<RecordField>();
  columns.forEach((name, col) => {
    const field = mapping.columns[name];
    if (!field) return;
    plan.push({ col, slot: FIELD_INDEX.get(field)!, kind: KIND[field] ?? 'text' });
    if (PARTY_FIELDS.includes(field)) mappedParties.add(field);
  });
  const partySlots = [...mappedParties].map((f) => FIELD_INDEX.get(f)!);
  const unitCol = mapping.weightUnit ? columns.indexOf(mapping.weightUnit) : -1;

  const reproduce = rawSlots(columns, mapping);
  const cols = plan.map((p) => p.col);
  const slots = plan.map((p) => p.slot);
  const kinds = plan.map((p) => p.kind);
  const width = RECORD_FIELDS.length;

  return (fields) => {
    const values = new Array<string | number | null>(width);
    for (let i = 0; i < width; i++) values[i] = null;
    const flags: RecordFlag[] = [];
    for (let p = 0; p < cols.length; p++) {
      const raw = fields[cols[p]!] ?? '';
      const slot = slots[p]!;
      if (raw === '' && values[slot] !== null) continue; // two columns on one field: keep the first value
      switch (kinds[p]) {
        case 'text': {
          const t = trim(raw);
          if (t === '') break;
          const c = t.charCodeAt(0);
          // = + @ - TAB CR may start a formula: check only those (the test runs on every text cell).
          if ((c === 61 || c === 43 || c === 64 || c === 45 || c === 9 || c === 13) && FORMULA.test(t))
            addFlag(flags, 'formula');
          values[slot] = t;
          break;
        }
        case 'number':
        case 'weight': {
          const r = parseNumber(raw, decimal);
          if (r.flag) addFlag(flags, r.flag);
          let v = r.value;
          if (v !== null && kinds[p] === 'weight' && unitCol >= 0) {
            const factor = TO_KG[(fields[unitCol] ?? '').trim().toUpperCase()];
            if (factor && factor !== 1) v = Math.round(v * factor * 1000) / 1000;
          }
          values[slot] = v;
          break;
        }
        case 'date': {
          const r = parseDate(raw, order);
          if (r.flag) addFlag(flags, r.flag);
          values[slot] = r.value;
          break;
        }
        case 'hs': {
          const r = normalizeHs(raw);
          if (r.flag) addFlag(flags, r.flag);
          values[slot] = r.value;
          break;
        }
        case 'country':
          values[slot] = normalizeCountry(raw);
          break;
        case 'direction': {
          const t = raw.trim();
          values[slot] = t === '' ? null : (DIRECTIONS[t.toUpperCase()] ?? t);
          break;
        }
        case 'upper': {
          const t = raw.trim();
          values[slot] = t === '' ? null : t.toUpperCase();
          break;
        }
      }
    }
    for (const s of partySlots) if (values[s] === null) addFlag(flags, 'missing_party');
    return { values, flags, rawDelta: rawDelta(fields, values, reproduce) };
  };
}

function addFlag(flags: RecordFlag[], f: RecordFlag): void {
  if (!flags.includes(f)) flags.push(f);
}

/** trim() only when an end is blank: most cells are not, and trim() copies. */
function trim(s: string): string {
  if (s === '') return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a <= 32 || b <= 32 || a === 0xa0 || b === 0xa0 || a === 0x3000 || b === 0x3000 ? s.trim() : s;
}

/** The same values keyed by field name (previews, tests). */
export function toFields(values: (string | number | null)[]): NormalizedFields {
  return Object.fromEntries(RECORD_FIELDS.map((f, i) => [f, values[i] ?? null])) as NormalizedFields;
}
