/**
 * What a judgement changes, kept as it was before (JudgementEffect), so that
 * undoing it puts exactly that back (undo.ts): the name rows it moved and
 * where each came from, the entities it changed, the review queue's rows.
 * Every change a merge, split or decision makes goes through a recorder.
 */
import type { EntityImage, JudgementEffect, MovedName } from '../../db/judgements';
import { resolveRun, setJudgementEffect } from '../../db/judgements';
import { getEntity } from '../../db/entities';
import { getEntityNames } from '../../db/entity-names';
import { moveNameRows, type NameRow } from '../../db/mention-names';
import {
  deleteQueueRow,
  markQueueRowUnsure,
  putQueueRow,
  queueRowOf,
  queueRowsWith,
  type QueueRow,
} from '../../db/review-queue';
import type { WriteDb } from '../../db/types';

export class EffectRecorder {
  private readonly run: number;
  private readonly images = new Map<number, EntityImage>();
  private readonly queue = new Map<number, QueueRow>();
  private readonly moved: MovedName[] = [];
  private to: number | null = null;
  private created: number | null = null;

  constructor(private readonly db: WriteDb) {
    this.run = resolveRun(db);
  }

  /** Keeps an entity as it is now, before the judgement changes it (the first time only: that is "before"). */
  entity(id: number): void {
    if (this.images.has(id) || id === this.created) return;
    const e = getEntity(this.db, id)!;
    const names = getEntityNames(this.db, id);
    this.images.set(id, {
      id,
      country: e.country,
      identifiers: e.identifiers,
      mentionCount: e.mentionCount,
      mergedInto: e.mergedInto,
      names,
    });
  }

  /** An entity the judgement made (a split's): it was not there before, so an undo retires it. */
  createdEntity(id: number): void {
    this.created = id;
  }

  /** Moves name rows of `from` to `to`, keeping where each came from and how it had been decided. */
  moveNames(rows: readonly NameRow[], from: number, to: number): void {
    this.entity(from);
    this.entity(to);
    this.to = to;
    for (const r of rows)
      this.moved.push({
        id: r.id,
        from,
        decidedBy: r.decidedBy,
        raw: r.raw,
        identifier: r.identifier,
        country: r.country,
      });
    moveNameRows(
      this.db,
      rows.map((r) => r.id),
      to,
    );
  }

  private keepRow(row: QueueRow): void {
    if (!this.queue.has(row.id)) this.queue.set(row.id, row);
  }

  /** Takes a pair out of the queue (it was decided). */
  dropPair(a: number, b: number): void {
    const row = queueRowOf(this.db, a, b);
    if (!row) return;
    this.keepRow(row);
    deleteQueueRow(this.db, row.id);
  }

  /** Takes every pair of an entity out of the queue. */
  dropPairsOf(entity: number): void {
    for (const row of queueRowsWith(this.db, entity)) {
      this.keepRow(row);
      deleteQueueRow(this.db, row.id);
    }
  }

  /** Marks a queued pair unsure: it goes to the back of the queue. */
  markUnsure(a: number, b: number): void {
    const row = queueRowOf(this.db, a, b);
    if (!row) return;
    this.keepRow(row);
    markQueueRowUnsure(this.db, row.id);
  }

  /**
   * After `other` was merged into `target`, its queued pairs are the survivor's: each keeps its id, score and
   * spellings (the spelling of `other` is now the survivor's), so it stays where it was in the queue. The pair of
   * the two is gone; where the survivor already has a pair with the same entity, the better-scored one stays.
   */
  moveQueuedPairs(other: number, target: number): void {
    for (const row of queueRowsWith(this.db, other)) {
      this.keepRow(row);
      const otherFirst = row.entityA === other;
      const partner = otherFirst ? row.entityB : row.entityA;
      deleteQueueRow(this.db, row.id);
      if (partner === target) continue;
      // The same way round, so that the reasons still name each side in its place.
      const moved: QueueRow = otherFirst ? { ...row, entityA: target } : { ...row, entityB: target };
      const existing = queueRowOf(this.db, target, partner);
      if (existing && existing.score >= row.score) continue;
      if (existing) this.keepRow(existing);
      putQueueRow(this.db, existing ? { ...moved, id: existing.id, unsure: existing.unsure || row.unsure } : moved);
    }
  }

  /** Keeps the effect with its judgement. */
  save(judgementId: number): void {
    const effect: JudgementEffect = {
      run: this.run,
      to: this.to,
      moved: this.moved,
      entities: [...this.images.values()],
      created: this.created,
      queue: [...this.queue.values()],
    };
    setJudgementEffect(this.db, judgementId, effect);
  }
}
