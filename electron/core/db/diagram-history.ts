import type { ReadDb, WriteDb } from './types';

/** One command of a diagram's history: the ops it applied and the ops that undo it, as JSON. */
export interface HistoryEntry {
  seq: number;
  label: string;
  forward: string;
  inverse: string;
  at: string;
  actor: string;
}

export function getHistoryEntry(db: ReadDb, diagramId: number, seq: number): HistoryEntry | null {
  return (
    (db
      .prepare('SELECT seq, label, forward, inverse, at, actor FROM diagram_history WHERE diagram_id = ? AND seq = ?')
      .get(diagramId, seq) as HistoryEntry | undefined) ?? null
  );
}

/** A new command after `position`: whatever could have been redone past it is dropped. */
export function pushHistoryEntry(
  db: WriteDb,
  diagramId: number,
  position: number,
  e: Omit<HistoryEntry, 'seq'>,
): number {
  db.prepare('DELETE FROM diagram_history WHERE diagram_id = ? AND seq > ?').run(diagramId, position);
  const seq = position + 1;
  db.prepare(
    'INSERT INTO diagram_history (diagram_id, seq, label, forward, inverse, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(diagramId, seq, e.label, e.forward, e.inverse, e.at, e.actor);
  return seq;
}

/** Keeps the last `keep` commands up to `position`. */
export function trimHistory(db: WriteDb, diagramId: number, position: number, keep: number): void {
  db.prepare('DELETE FROM diagram_history WHERE diagram_id = ? AND seq <= ?').run(diagramId, position - keep);
}

/** The oldest and newest command kept (0 when none). */
export function historyBounds(db: ReadDb, diagramId: number): { first: number; last: number } {
  const r = db
    .prepare(
      'SELECT coalesce(min(seq), 0) AS first, coalesce(max(seq), 0) AS last FROM diagram_history WHERE diagram_id = ?',
    )
    .get(diagramId) as { first: number; last: number };
  return r;
}
