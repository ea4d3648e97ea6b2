import type { MergeConflict } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';
import { deletePages } from '../db/document-pages';
import { getConflict, markPicked } from '../db/merge-conflicts';
import { deleteImportRows } from '../db/merge-copy';
import {
  ChangeLog,
  changesBackwards,
  countMergesAfter,
  deleteLoggedRow,
  forgetMerge,
  getMerge,
  restoreLoggedRow,
  rewritesSince,
  type LoggedChange,
} from '../db/merges';
import type { WriteDb } from '../db/types';
import { writeContent, type DiagramContent } from './merge-diagrams';

/** Work after a merge that rewrites what it wrote wholesale: its log no longer describes the case. */
const REWRITES = ['entities.resolve', 'judgements.undoResolving'];

/** What must go with a row the merge added, before it: the index entries and rows that hang on it. */
const BEFORE_DELETE: Record<string, (db: WriteDb, c: LoggedChange) => void> = {
  imports: (db, c) => deleteImportRows(db, c.key.rowid as number),
  documents: (db, c) => deletePages(db, c.key.rowid as number),
  entity_names: (db, c) => void db.prepare('DELETE FROM entity_names_fts WHERE rowid = ?').run(c.key.rowid),
};

/**
 * Takes a merge back (in the caller's transaction, with its audit entry):
 * replays its log backwards, deleting each row it added and putting back
 * each row it changed (a conflict picked since included), then forgets the
 * merge, so the case's content is as before it. Refused when a later merge
 * is still in place (undo that first) or a resolve has since rewritten the
 * names and mentions the log speaks of.
 */
export function undoMerge(db: WriteDb, mergeId: number): { mergeId: number; removed: number; restored: number } {
  const merge = getMerge(db, mergeId);
  if (!merge) throw new CustodianError('not_found', `There is no merge ${mergeId} in this case (or it was undone).`);
  if (countMergesAfter(db, mergeId) > 0)
    throw new CustodianError('later_merge', `Merge ${mergeId} has later merges; undo those first, latest first.`);
  const since = rewritesSince(db, auditSeqOf(db, mergeId), REWRITES);
  if (since.length)
    throw new CustodianError(
      'rewritten',
      `Merge ${mergeId} can no longer be undone: ${since.join(', ')} has run since and rewrote what it brought in.`,
    );
  // Rows come back in the log's reverse order, a node before the parent it points at: keys are checked at commit.
  db.pragma('defer_foreign_keys = ON');
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
  forgetMerge(db, mergeId);
  return { mergeId, removed, restored };
}

function auditSeqOf(db: WriteDb, mergeId: number): number {
  return db.prepare('SELECT audit_seq FROM merges WHERE id = ?').pluck().get(mergeId) as number;
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
    db.pragma('defer_foreign_keys = ON');
    const log = new ChangeLog(db, c.mergeId);
    const now = new Date().toISOString();
    const t = c.theirs;
    if (c.kind === 'annotation') {
      log.changing('annotations', 'id = ?', c.localId);
      db.prepare('UPDATE annotations SET text = ?, updated_at = ? WHERE id = ?').run(t.text, now, c.localId);
    } else if (c.kind === 'link') {
      log.changing('links', 'id = ?', c.localId);
      db.prepare(
        'UPDATE links SET source_entity = ?, target_entity = ?, type = ?, custom_label = ?, grade = ?, note = ?, updated_at = ? WHERE id = ?',
      ).run(t.source_entity, t.target_entity, t.type, t.custom_label, t.grade, t.note, now, c.localId);
      log.changing('link_evidence', 'link_id = ?', c.localId);
      db.prepare('DELETE FROM link_evidence WHERE link_id = ?').run(c.localId);
      for (const e of t.evidence as { kind: string; ref: number }[]) {
        db.prepare('INSERT INTO link_evidence (link_id, kind, ref) VALUES (?, ?, ?)').run(c.localId, e.kind, e.ref);
        log.inserted('link_evidence', { link_id: c.localId, kind: e.kind, ref: e.ref });
      }
    } else {
      const content = t as unknown as DiagramContent;
      for (const table of ['diagram_edges', 'diagram_nodes', 'diagram_history']) {
        log.changing(table, 'diagram_id = ?', c.localId);
        db.prepare(`DELETE FROM ${table} WHERE diagram_id = ?`).run(c.localId);
      }
      log.changing('diagrams', 'id = ?', c.localId);
      db.prepare('UPDATE diagrams SET name = ?, history_position = 0, updated_at = ? WHERE id = ?').run(
        content.name,
        now,
        c.localId,
      );
      writeContent({ db, log }, c.localId, content);
    }
  }
  markPicked(db, id, pick, actor);
  return getConflict(db, id)!;
}
