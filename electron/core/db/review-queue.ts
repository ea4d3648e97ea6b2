/** Pairs of entities a resolve could not decide (review_queue), for an investigator to judge. */
import type { ReadDb, WriteDb } from './types';

export function clearReviewQueue(db: WriteDb): void {
  db.prepare('DELETE FROM review_queue').run();
}

export interface QueueRow {
  id: number;
  entityA: number;
  entityB: number;
  score: number;
  reasons: string[];
  unsure: boolean;
  /** The spelling of each side whose likeness queued the pair (of entityA, of entityB), or null. */
  names: { a: string; b: string } | null;
}

interface QueueDbRow {
  id: number;
  entity_a: number;
  entity_b: number;
  score: number;
  reasons: string;
  unsure: number;
  names: string | null;
}

const toRow = (r: QueueDbRow): QueueRow => {
  const names = r.names ? (JSON.parse(r.names) as [string, string]) : null;
  return {
    id: r.id,
    entityA: r.entity_a,
    entityB: r.entity_b,
    score: r.score,
    reasons: JSON.parse(r.reasons) as string[],
    unsure: r.unsure === 1,
    names: names && { a: names[0], b: names[1] },
  };
};

/**
 * A row's values. A pair is stored the way round it was scored (reasons such as "Countries differ (AE vs UZ)" name
 * entity_a's side first); one row per pair either way round.
 */
const values = (r: Omit<QueueRow, 'id'>): unknown[] => [
  r.entityA,
  r.entityB,
  r.score,
  JSON.stringify(r.reasons),
  r.unsure ? 1 : 0,
  r.names && JSON.stringify([r.names.a, r.names.b]),
];

/** Either way round. */
const PAIR = '((entity_a = ? AND entity_b = ?) OR (entity_a = ? AND entity_b = ?))';

export function reviewInserter(db: WriteDb): (row: Omit<QueueRow, 'id'>) => void {
  const stmt = db.prepare(
    'INSERT INTO review_queue (entity_a, entity_b, score, reasons, unsure, names) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (row) => void stmt.run(...values(row));
}

/** The queue's order: certain-looking pairs first; pairs marked unsure go to the back. */
const ORDER = 'ORDER BY unsure, score DESC, id';
/** At or after a place in that order. */
const FROM = '(unsure > ? OR (unsure = ? AND (score < ? OR (score = ? AND id >= ?))))';
/** A place in the queue's order: a pair's flag, score and id. */
export interface QueuePlace {
  unsure: boolean;
  score: number;
  id: number;
}
const placeParams = (p: QueuePlace) => [p.unsure ? 1 : 0, p.unsure ? 1 : 0, p.score, p.score, p.id];

/** Pairs in the queue's order, each with its position (from 1); with `from`, those at or after that place. */
export function listReviewQueue(
  db: ReadDb,
  limit: number,
  offset: number,
  from?: QueuePlace,
): (QueueRow & { position: number })[] {
  const rows = (
    from
      ? db
          .prepare(`SELECT * FROM review_queue WHERE ${FROM} ${ORDER} LIMIT ? OFFSET ?`)
          .all(...placeParams(from), limit, offset)
      : db.prepare(`SELECT * FROM review_queue ${ORDER} LIMIT ? OFFSET ?`).all(limit, offset)
  ) as QueueDbRow[];
  if (rows.length === 0) return [];
  // The rows come one after another in the order: the first one's position numbers them all.
  const first = toRow(rows[0]!);
  const before = db
    .prepare(`SELECT count(*) FROM review_queue WHERE NOT ${FROM}`)
    .pluck()
    .get(...placeParams(first)) as number;
  return rows.map((r, i) => ({ ...toRow(r), position: before + i + 1 }));
}

export function countReviewQueue(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM review_queue').get() as { n: number }).n;
}

/** The queued row of a pair of entities, if any. */
export function queueRowOf(db: ReadDb, a: number, b: number): QueueRow | null {
  const r = db.prepare(`SELECT * FROM review_queue WHERE ${PAIR}`).get(a, b, b, a) as QueueDbRow | undefined;
  return r ? toRow(r) : null;
}

/** Every queued row with an entity on one side. */
export function queueRowsWith(db: ReadDb, entityId: number): QueueRow[] {
  return (
    db
      .prepare('SELECT * FROM review_queue WHERE entity_a = ? OR entity_b = ? ORDER BY id')
      .all(entityId, entityId) as QueueDbRow[]
  ).map(toRow);
}

export function deleteQueueRow(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM review_queue WHERE id = ?').run(id);
}

export function markQueueRowUnsure(db: WriteDb, id: number): void {
  db.prepare('UPDATE review_queue SET unsure = 1 WHERE id = ?').run(id);
}

/** Writes a row as given, under its id (the row of the same pair under another id gives way): an undo puts a row back. */
export function putQueueRow(db: WriteDb, row: QueueRow): void {
  db.prepare(`DELETE FROM review_queue WHERE id = ? OR ${PAIR}`).run(
    row.id,
    row.entityA,
    row.entityB,
    row.entityB,
    row.entityA,
  );
  db.prepare(
    'INSERT INTO review_queue (id, entity_a, entity_b, score, reasons, unsure, names) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(row.id, ...values(row));
}
