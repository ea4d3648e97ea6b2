import type { Migration } from './types';

/**
 * What each judgement changed, so that undoing it puts exactly that back
 * (`effect`: JSON, see db/judgements.ts JudgementEffect; NULL for a
 * judgement made before, which an undo resolves again), and the two
 * spellings whose likeness put a pair in the review queue (`names`: JSON
 * [a, b] in the order of entity_a and entity_b, or NULL).
 */
export const m0080: Migration = {
  version: 80,
  name: 'judgement-effects',
  sql: `
ALTER TABLE judgements ADD COLUMN effect TEXT;
ALTER TABLE review_queue ADD COLUMN names TEXT;
`,
};
