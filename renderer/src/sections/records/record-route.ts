import { recordFilter, SORTABLE, type RecordFilterInput } from '../../../../shared/api/records';
import { intOrNull } from '../../router';
import type { Column } from './columns';

export type SortKey = NonNullable<Column['sort']>;

/** A records.list query without its page: the filters, the search text and the order. */
export type RecordQuery = RecordFilterInput & { sort?: SortKey; desc?: boolean };

type FilterField = keyof RecordFilterInput;

/**
 * The filters of the Records section as they appear in its URL
 * (`#/records?q=…&hs=8807&chpl=3.B&entity=54&cp=95&sort=date&desc=1`): every
 * field of the records filter schema (shared/api/records.ts) is a parameter,
 * under its own name unless a shorter one is given here. The fields come from
 * the schema, so a filter added there is kept in the URL with nothing to add.
 */
const SHORT_PARAMS: Partial<Record<FilterField, string>> = {
  importId: 'import',
  query: 'q',
  dateFrom: 'from',
  dateTo: 'to',
  hsPrefix: 'hs',
  chplTier: 'chpl',
  valueMin: 'min',
  valueMax: 'max',
  entityId: 'entity',
  counterpartyId: 'cp',
  entityRole: 'role',
  destination: 'dest',
};
const FILTER_FIELDS = Object.keys(recordFilter.shape) as FilterField[];

/** The URL parameter that holds a filter. */
export const paramOf = (field: FilterField): string => SHORT_PARAMS[field] ?? field;

/**
 * A parameter's text as the field's schema takes it: as text, else as a
 * number, else `1` as true. Null when the schema takes none of them (a
 * hand-edited URL with `chpl=9`), so a bad parameter filters nothing.
 */
function fieldValue(field: FilterField, text: string): unknown {
  const schema = recordFilter.shape[field];
  for (const v of [text, Number(text), text === '1' ? true : null]) {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) continue;
    const parsed = schema.safeParse(v);
    if (parsed.success && parsed.data !== undefined) return parsed.data;
  }
  return null;
}

/**
 * The query the table shows for the URL's parameters. Texts are trimmed here
 * (the box keeps what was typed, trailing space and all), so "Улан " and
 * "Улан" are one query and one request.
 */
export function queryOfParams(params: Readonly<Record<string, string>>): RecordQuery {
  const q: Record<string, unknown> = {};
  for (const field of FILTER_FIELDS) {
    const text = params[paramOf(field)]?.trim();
    if (!text) continue;
    const v = fieldValue(field, text);
    if (v !== null) q[field] = v;
  }
  if (params.sort && (SORTABLE as readonly string[]).includes(params.sort)) {
    q.sort = params.sort;
    q.desc = params.desc === '1';
  }
  return q as RecordQuery;
}

/** The URL parameters that open the Records section on a filter (the risk summary's numbers link with these). */
export function paramsOfFilter(filter: RecordFilterInput): Record<string, string> {
  const params: Record<string, string> = {};
  for (const field of FILTER_FIELDS) {
    const v = filter[field];
    if (v !== undefined && v !== '' && v !== false) params[paramOf(field)] = v === true ? '1' : String(v);
  }
  return params;
}

/** Clicking a column header: sort by it ascending, or reverse the order when it is already the sort column. */
export function nextSort(params: Readonly<Record<string, string>>, key: SortKey): Record<string, string | undefined> {
  const reverse = params.sort === key && params.desc !== '1';
  return { sort: key, desc: reverse ? '1' : undefined };
}

/** The record whose detail is open, if any. */
export const openRecordOf = (params: Readonly<Record<string, string>>): number | null => intOrNull(params.record);

/** What of an entity's trade to list: its records, or those with one counterparty, in a month range or an HS chapter. */
export interface EntityRecordsAsk {
  entityId: number;
  counterpartyId?: number;
  dateFrom?: string;
  dateTo?: string;
  hsPrefix?: string;
}

/** The Records section's URL parameters that list an entity's records (the entity page's numbers and bars open them). */
export const entityRecordsParams = (ask: EntityRecordsAsk): Record<string, string> => paramsOfFilter(ask);
