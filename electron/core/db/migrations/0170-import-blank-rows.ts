import type { Migration } from './types';

/**
 * Entirely blank rows of an imported file are skipped and counted
 * (`blankRows` of an import): imports made before have 0.
 */
export const m0170: Migration = {
  version: 170,
  name: 'import-blank-rows',
  sql: `ALTER TABLE imports ADD COLUMN blank_rows INTEGER NOT NULL DEFAULT 0;`,
};
