/** Pairs of entities a resolve could not decide (review_queue), for an investigator to judge. */
import type { ReadDb, WriteDb } from './types';

export function clearReviewQueue(db: WriteDb): void {
  db.prepare('DELETE FROM review_queue').run();
}

export function reviewInserter(db: WriteDb): (a: number, b: number, score: number, reasons: string[], unsure: boolean) => void {
  const stmt = db.prepare(
    'INSERT INTO review_queue (entity_a, entity_b, score, reasons, unsure) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (a, b, score, reasons, unsure) => void stmt.run(Math.min(a, b), Math.max(a, b), score, JSON.stringify(reasons), unsure ? 1 : 0);
}

export interface QueueRow {
  id: number;
  entityA: number;
  entityB: number;
  score: number;
  reasons: string[];
  unsure: boolean;
}

/** Certain-looking pairs first; pairs marked unsure go to the back. */
export function listReviewQueue(db: ReadDb, limit: number, offset: number): QueueRow[] {
  const rows = db
    .prepare('SELECT * FROM review_queue ORDER BY unsure, score DESC, id LIMIT ? OFFSET ?')
    .all(limit, offset) as { id: number; entity_a: number; entity_b: number; score: number; reasons: string; unsure: number }[];
  return rows.map((r) => ({ id: r.id, entityA: r.entity_a, entityB: r.entity_b, score: r.score, reasons: JSON.parse(r.reasons) as string[], unsure: r.unsure === 1 }));
}

export function countReviewQueue(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM review_queue').get() as { n: number }).n;
}

export function removeReviewPair(db: WriteDb, a: number, b: number): void {
  db.prepare('DELETE FROM review_queue WHERE entity_a = ? AND entity_b = ?').run(Math.min(a, b), Math.max(a, b));
}

export function markReviewUnsure(db: WriteDb, a: number, b: number): void {
  db.prepare('UPDATE review_queue SET unsure = 1 WHERE entity_a = ? AND entity_b = ?').run(Math.min(a, b), Math.max(a, b));
}

/** Drops queued pairs that involve an entity (it was merged away). */
export function removeReviewFor(db: WriteDb, entityId: number): void {
  db.prepare('DELETE FROM review_queue WHERE entity_a = ? OR entity_b = ?').run(entityId, entityId);
}
