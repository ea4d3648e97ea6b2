import type { RecordFilterInput } from '../../../../shared/api/records';
import { CHPL_TIERS, type ChplTier } from '../../../../shared/goods/hs-codes';
import { intOrNull } from '../../router';
import type { Column } from './columns';

export type SortKey = NonNullable<Column['sort']>;

/** A records.list query without its page: the filters, the search text and the order. */
export type RecordQuery = RecordFilterInput & { sort?: SortKey; desc?: boolean };

/** The filters of the Records section as they appear in its URL (`#/records?q=…&hs=8807&chpl=3.B&entity=54&cp=95&sort=date&desc=1`). */
const TEXT_PARAMS = { flag: 'flag', dateFrom: 'from', dateTo: 'to', hsPrefix: 'hs', country: 'country' } as const;
export type TextFilter = keyof typeof TEXT_PARAMS;

const SORT_KEYS: readonly string[] = [
  'row',
  'date',
  'shipper',
  'consignee',
  'hsCode',
  'valueUsd',
  'grossKg',
  'netKg',
  'quantity',
  'value',
  'chplTier',
];

/**
 * The query the table shows for the URL's parameters. The search text is
 * trimmed here (the box keeps what was typed, trailing space and all), so
 * "Улан " and "Улан" are one query and one request.
 */
export function queryOfParams(params: Readonly<Record<string, string>>): RecordQuery {
  const q: RecordQuery = {};
  const text = params.q?.trim();
  if (text) q.query = text;
  if (params.flagged === '1') q.flagged = true;
  const importId = intOrNull(params.import);
  if (importId !== null) q.importId = importId;
  for (const [field, param] of Object.entries(TEXT_PARAMS) as [TextFilter, string][]) {
    const v = params[param]?.trim();
    if (v) q[field] = v;
  }
  // The records of an entity (`entity`), or those it trades with another (`cp`): opened from the entity page.
  const entityId = intOrNull(params.entity);
  if (entityId !== null) {
    q.entityId = entityId;
    const counterpartyId = intOrNull(params.cp);
    if (counterpartyId !== null) q.counterpartyId = counterpartyId;
  }
  const min = params.min !== undefined && params.min.trim() !== '' ? Number(params.min) : NaN;
  if (Number.isFinite(min)) q.valueMin = min;
  const chpl = params.chpl as ChplTier | 'any' | undefined;
  if (chpl === 'any' || CHPL_TIERS.includes(chpl as ChplTier)) q.chplTier = chpl;
  if (params.sort && SORT_KEYS.includes(params.sort)) {
    q.sort = params.sort as SortKey;
    q.desc = params.desc === '1';
  }
  return q;
}

/** The URL parameter that holds a text filter. */
export const paramOf = (field: TextFilter): string => TEXT_PARAMS[field];

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
export function entityRecordsParams(ask: EntityRecordsAsk): Record<string, string> {
  const params: Record<string, string> = { entity: String(ask.entityId) };
  if (ask.counterpartyId !== undefined) params.cp = String(ask.counterpartyId);
  if (ask.dateFrom) params.from = ask.dateFrom;
  if (ask.dateTo) params.to = ask.dateTo;
  if (ask.hsPrefix) params.hs = ask.hsPrefix;
  return params;
}
