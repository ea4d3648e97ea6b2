/**
 * A records query as what it matches (db/records.ts RecordMatch): its
 * words in every script (fts-match.ts), the records of the companies it
 * names, whatever names those records write (entity-match.ts), and, for a
 * number, the records whose HS code starts with it. The records list, its
 * count and the search all match through here, so a count always agrees
 * with the list it counts.
 */
import type { RecordFilterInput } from '../../../shared/api/records';
import { survivorOf } from '../db/entities';
import { PARTY_FIELDS } from '../db/records-fts';
import type { RecordFilter, RecordMatch } from '../db/record-filter';
import type { ReadDb } from '../db/types';
import { namedEntities } from './entity-match';
import { ftsMatch, type Reach } from './fts-match';

/**
 * The HS code (or the start of one) a query is: 4 to 10 digits, written
 * with or without dots and spaces (8807, 8807.30, 8807 30 0000); else null.
 */
export function hsCodeOf(text: string): string | null {
  const t = text.trim();
  if (!/^\d[\d. ]*$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  return digits.length >= 4 && digits.length <= 10 ? digits : null;
}

/**
 * What a query matches. `prefix` (lists, counts) lets each word match the
 * words it starts; `exact` only whole words. A number that may be an HS
 * code matches whole words only: 8807 is the code, not every number that
 * begins with it.
 */
export function recordMatch(db: ReadDb, text: string, reach: Reach): RecordMatch {
  const hsPrefix = hsCodeOf(text);
  return {
    fts: ftsMatch(db, text, { reach: hsPrefix ? 'exact' : reach }),
    entityIds: namedEntities(db, text),
    hsPrefix,
  };
}

/** The records filters of the API with their texts turned into matches (query: every column; party: the party columns). */
export function recordFilter(db: ReadDb, { query, party, ...rest }: RecordFilterInput): RecordFilter {
  return {
    ...rest,
    // An entity merged away stands for its survivor (a link held by a diagram or an old URL still finds the records).
    entityId: rest.entityId === undefined ? undefined : (survivorOf(db, rest.entityId) ?? rest.entityId),
    counterpartyId:
      rest.counterpartyId === undefined ? undefined : (survivorOf(db, rest.counterpartyId) ?? rest.counterpartyId),
    // A query without a word or a number to look for (only punctuation) filters nothing, as no query does.
    match: query?.trim() ? orNothing(recordMatch(db, query, 'prefix')) : undefined,
    partyMatch: party?.trim() ? ftsMatch(db, party, { reach: 'prefix', columns: PARTY_FIELDS }) : undefined,
  };
}

const orNothing = (m: RecordMatch): RecordMatch | undefined => (m.fts || m.hsPrefix ? m : undefined);
