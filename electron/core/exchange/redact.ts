import { recordIndexer } from '../db/records';
import { cjkBigrams, foldForIndex } from '../db/records-fts';
import {
  cutToDiagrams,
  emptyIndex,
  indexName,
  indexPage,
  keptNames,
  keptPages,
  keptRecordTexts,
  REBUILT_INDEXES,
  type KeptCounts,
} from '../db/redaction';
import type { WriteDb } from '../db/types';
import { updateSearchWords } from '../search/search-words';

export type Kept = KeptCounts & { diagrams: number[] };

const TEXT_SLOTS = [0, 1, 2, 3, 4];

/**
 * Redacts an export's copy to the chosen diagrams: their nodes, edges and
 * annotations; the entities on them; the links drawn and their evidence;
 * the records behind their shipment edges and links; the excerpts and
 * documents shown or cited, with their pages and bytes; the imports and
 * sources those records come from (without the original customs file,
 * which holds every row). Everything else goes, including the whole audit
 * log (its entries describe what was left out; the export writes its own)
 * and judgements, the review queue, rejects and saved mappings. The
 * full-text indexes would still hold the words of what was cut, so each is
 * emptied and filled again from what is kept. The caller VACUUMs after.
 */
export function redactToDiagrams(db: WriteDb, diagramIds: number[]): Kept {
  const kept = cutToDiagrams(db, diagramIds);
  for (const index of REBUILT_INDEXES) emptyIndex(db, index);
  const records = recordIndexer(db, false);
  const rows = [...keptRecordTexts(db)];
  for (const [id, ...texts] of rows) {
    const cjk = cjkBigrams(texts, TEXT_SLOTS);
    records.add(id, id, cjk ? [id, cjk] : []);
  }
  records.done();
  for (const [rowid, name] of keptNames(db)) indexName(db, rowid, foldForIndex(name), cjkBigrams([name], [0]) || null);
  for (const [rowid, text] of keptPages(db)) indexPage(db, rowid, foldForIndex(text));
  updateSearchWords(db);
  return { diagrams: [...new Set(diagramIds)].sort((a, b) => a - b), ...kept };
}
