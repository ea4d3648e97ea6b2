import type { Migration } from './types';

/**
 * The script a diagram shows entity names in (`name_script`): the entity's
 * display name, or its spelling in Latin, Cyrillic or Chinese when its
 * records write it so, or the spelling most written. A choice of the
 * diagram (its SVG and briefs draw the same names), changed as an undoable
 * edit; diagrams made before show display names.
 */
export const m0210: Migration = {
  version: 210,
  name: 'diagram-name-script',
  sql: `ALTER TABLE diagrams ADD COLUMN name_script TEXT NOT NULL DEFAULT 'display'
  CHECK (name_script IN ('display', 'latin', 'cyrillic', 'chinese', 'written'));`,
};
