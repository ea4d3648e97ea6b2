import type { Migration } from './types';

/**
 * The date a brief states, as the composer sets it (YYYY-MM-DD). Null in
 * versions saved before it: those state their save date, as they printed.
 */
export const m0190: Migration = {
  version: 190,
  name: 'brief date',
  sql: `ALTER TABLE brief_versions ADD COLUMN brief_date TEXT;`,
};
