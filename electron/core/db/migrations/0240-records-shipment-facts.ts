import type { Migration } from './types';

/**
 * What a shipment edge sums of a record (date, USD value, HS code), in an
 * index keyed by the record id: a diagram's sums read these for every record
 * behind its edges (120,000 of them on a 1,000-node diagram), and a record's
 * own row is wide (its raw text), so reading them from the table cost a
 * page or more per record (0.5 s CPU, seconds of wall time on a cold 1M-record
 * case). The index is a few dozen bytes a record, appended to in id order by
 * an import.
 */
export const m0240: Migration = {
  version: 240,
  name: 'records-shipment-facts',
  sql: `CREATE INDEX records_shipment_facts ON records(id, date, value_usd, hs_code);`,
};
