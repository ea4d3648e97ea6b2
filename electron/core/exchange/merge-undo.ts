import type { MergeConflict } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';
import { setAnnotationText } from '../db/annotations';
import { deletePages } from '../db/document-pages';
import { getConflict, markPicked } from '../db/merge-conflicts';
import { deleteImportRows } from '../db/merge-copy';
import { unindexEntityName } from '../db/merge-names';
import {
  DIAGRAM_CONTENT_TABLES,
  deleteDiagramContent,
  deleteLinkEvidence,
  evidenceInserter,
  resetDiagram,
  setLinkFields,
} from '../db/merge-rows';
import {
  ChangeLog,
  changesBackwards,
  countMergesAfter,
  deferForeignKeys,
  deleteLoggedRow,
  forgetMerge,
  getMerge,
  mergeAuditSeq,
  restoreLoggedRow,
  rewritesSince,
  strandedRows,
  type LoggedChange,
} from '../db/merges';
import type { WriteDb } from '../db/types';
import { writeContent, type DiagramContent } from './merge-diagrams';

/**
 * Work after a merge that moves names between entities (a resolve rewrites
 * them all): the log's prior values of those names and entities no longer
 * describe the case, and putting them back would undo that work too.
 */
const REWRITES = [
  'entities.resolve',
  'entities.merge',
  'entities.split',
  'review.decide',
  'judgements.undo',
  'judgements.undoResolving',
];

/** What must go with a row the merge added, before it: the index entries and rows that hang on it. */
const BEFORE_DELETE: Record<string, (db: WriteDb, c: LoggedChange) => void> = {
  imports: (db, c) => deleteImportRows(db, c.key.rowid as number),
  documents: (db, c) => deletePages(db, c.key.rowid as number),
  entity_names: (db, c) => unindexEntityName(db, c.key.rowid as number),
};

/**
 * Takes a merge back (in the caller's transaction, with its audit entry):
 * replays its log backwards, deleting each row it added and putting back
 * each row it changed (a conflict picked since included), then forgets the
 * merge, so the case's content is as before it. Refused when a later merge
 * is still in place (undo that first), a resolve has since rewritten the
 * names and mentions the log speaks of, or something added since points at
 * what the merge brought in (a node added to their diagram).
 */
export function undoMerge(db: WriteDb, mergeId: number): { mergeId: number; removed: number; restored: number } {
  const merge = getMerge(db, mergeId);
  if (!merge) throw new CustodianError('not_found', `There is no merge ${mergeId} in this case (or it was undone).`);
  if (countMergesAfter(db, mergeId) > 0)
    throw new CustodianError('later_merge', `Merge ${mergeId} has later merges; undo those first, latest first.`);
  const since = rewritesSince(db, mergeAuditSeq(db, mergeId), REWRITES);
  if (since.length)
    throw new CustodianError(
      'rewritten',
      `Merge ${mergeId} can no longer be undone: ${since.join(', ')} has run since and moved what it brought in.`,
    );
  deferForeignKeys(db);
  let removed = 0;
  let restored = 0;
  for (const c of changesBackwards(db, mergeId)) {
    if (c.before === null) {
      BEFORE_DELETE[c.table]?.(db, c);
      deleteLoggedRow(db, c);
      removed++;
    } else {
      restoreLoggedRow(db, c);
      restored++;
    }
  }
  // Something added since in what the merge brought (a node on their diagram) would point at nothing: refused (rolled back).
  const stranded = strandedRows(db);
  if (stranded.length)
    throw new CustodianError(
      'in_use',
      `Merge ${mergeId} can no longer be undone: what was added since points at what it brought in (${stranded.join(', ')}).`,
    );
  forgetMerge(db, mergeId);
  return { mergeId, removed, restored };
}

/**
 * Keeps one side of a conflict. Mine: nothing changes. Theirs: their
 * version is written in place of mine, logged with the merge (undoing the
 * merge puts mine back). A diagram's nodes and edges are replaced whole,
 * and its undo history, which speaks of the nodes it had, starts afresh.
 */
export function pickConflict(db: WriteDb, id: number, pick: 'mine' | 'theirs', actor: string): MergeConflict {
  const c = getConflict(db, id);
  if (!c) throw new CustodianError('not_found', `There is no merge conflict ${id} in this case.`);
  if (c.picked) throw new CustodianError('already_picked', `Conflict ${id} was settled already (${c.picked}).`);
  if (pick === 'theirs') {
    deferForeignKeys(db);
    const log = new ChangeLog(db, c.mergeId);
    const t = c.theirs;
    if (c.kind === 'annotation') {
      log.changing('annotations', 'id = ?', c.localId);
      setAnnotationText(db, c.localId, String(t.text));
    } else if (c.kind === 'link') {
      log.changing('links', 'id = ?', c.localId);
      setLinkFields(db, c.localId, t);
      log.changing('link_evidence', 'link_id = ?', c.localId);
      deleteLinkEvidence(db, c.localId);
      const add = evidenceInserter(db);
      for (const e of t.evidence as { kind: string; ref: number }[]) {
        add(c.localId, e.kind, e.ref);
        log.inserted('link_evidence', { link_id: c.localId, kind: e.kind, ref: e.ref });
      }
    } else {
      const content = t as unknown as DiagramContent;
      for (const table of DIAGRAM_CONTENT_TABLES) {
        log.changing(table, 'diagram_id = ?', c.localId);
        deleteDiagramContent(db, table, c.localId);
      }
      log.changing('diagrams', 'id = ?', c.localId);
      resetDiagram(db, c.localId, content.name);
      writeContent({ db, log }, c.localId, content);
    }
  }
  markPicked(db, id, pick, actor);
  return getConflict(db, id)!;
}
