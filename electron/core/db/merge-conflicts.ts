import type { MergeConflict, MergeConflictKind } from '../../../shared/api/exchange';
import type { ReadDb, WriteDb } from './types';

/** Things both sides of a merge changed differently (merge_conflicts, see migration 0180). */

interface Row {
  id: number;
  merge_id: number;
  kind: MergeConflictKind;
  local_id: number;
  mine: string;
  theirs: string;
  theirs_by: string;
  picked: 'mine' | 'theirs' | null;
  picked_at: string | null;
  picked_by: string | null;
}

const toConflict = (r: Row): MergeConflict => ({
  id: r.id,
  mergeId: r.merge_id,
  kind: r.kind,
  localId: r.local_id,
  mine: JSON.parse(r.mine) as Record<string, unknown>,
  theirs: JSON.parse(r.theirs) as Record<string, unknown>,
  theirsBy: r.theirs_by,
  picked: r.picked,
  pickedAt: r.picked_at,
  pickedBy: r.picked_by,
});

/**
 * Records a conflict, unless the same one (the same thing, their same
 * version) is known from an earlier merge, picked or not: merging the same
 * file again asks nothing again. Answers its id, or null when known.
 */
export function addConflict(
  db: WriteDb,
  c: { mergeId: number; kind: MergeConflictKind; localId: number; mine: unknown; theirs: unknown; theirsBy: string },
): number | null {
  const theirs = JSON.stringify(c.theirs);
  const known = db
    .prepare('SELECT 1 FROM merge_conflicts WHERE kind = ? AND local_id = ? AND theirs = ?')
    .get(c.kind, c.localId, theirs);
  if (known) return null;
  return Number(
    db
      .prepare(
        'INSERT INTO merge_conflicts (merge_id, kind, local_id, mine, theirs, theirs_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(c.mergeId, c.kind, c.localId, JSON.stringify(c.mine), theirs, c.theirsBy).lastInsertRowid,
  );
}

export function listConflicts(db: ReadDb, opts: { mergeId?: number; open?: boolean } = {}): MergeConflict[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.mergeId !== undefined) {
    where.push('merge_id = ?');
    params.push(opts.mergeId);
  }
  if (opts.open) where.push('picked IS NULL');
  return (
    db
      .prepare(`SELECT * FROM merge_conflicts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`)
      .all(...params) as Row[]
  ).map(toConflict);
}

export function getConflict(db: ReadDb, id: number): MergeConflict | null {
  const r = db.prepare('SELECT * FROM merge_conflicts WHERE id = ?').get(id) as Row | undefined;
  return r ? toConflict(r) : null;
}

export function markPicked(db: WriteDb, id: number, picked: 'mine' | 'theirs', actor: string): void {
  db.prepare('UPDATE merge_conflicts SET picked = ?, picked_at = ?, picked_by = ? WHERE id = ?').run(
    picked,
    new Date().toISOString(),
    actor,
    id,
  );
}
