import { SEARCH_KEYS_VERSION, searchKeys } from '../../../shared/names/search-forms';
import { refreshSearchWords, searchWordsCurrent } from '../db/search-words';
import type { WriteDb } from '../db/types';

/**
 * Lists the records index's new words outside ASCII under their Latin
 * skeletons (db/search-words.ts), so that queries in other scripts find
 * them: after each import, in its transaction.
 */
export function updateSearchWords(db: WriteDb): void {
  refreshSearchWords(db, searchKeys, SEARCH_KEYS_VERSION);
}

/** On opening a case: lists its words when the list is missing (a case from before it) or made by other rules. */
export function ensureSearchWords(db: WriteDb): void {
  if (!searchWordsCurrent(db, SEARCH_KEYS_VERSION)) db.transaction(() => updateSearchWords(db)).immediate();
}
