import { getEntity } from './entities';
import { activeJudgements, type NameRef } from './judgements';
import { queueRowOf, reviewInserter } from './review-queue';
import type { ReadDb, WriteDb } from './types';

/**
 * A colleague's "same" judgement that a merge brought in is kept for the
 * record with its author, but revoked under this mark: a resolve applies
 * only judgements in force, so theirs never merges my entities by itself.
 * Instead the pair waits in my review queue (queueColleagueJudgements),
 * after the merge and after every resolve (which rewrites the queue), until
 * I decide it. Their "not the same" and "unsure" judgements can only keep
 * entities apart or mark a pair unsure, so they are kept in force.
 */
export const AWAITING_REVIEW = 'merge: awaiting my review';

interface Pending {
  id: number;
  actor: string;
  at: string;
  note: string;
  side_a: string;
  side_b: string;
}

/** The entity most of a side's names are in here, if any. */
function entityOfSide(db: ReadDb, side: NameRef[]): number | undefined {
  const stmt = db
    .prepare('SELECT entity_id FROM mention_names WHERE raw_name = ? AND identifier IS ? AND entity_id IS NOT NULL')
    .pluck();
  const n = new Map<number, number>();
  for (const r of side) for (const e of stmt.all(r.name, r.identifier) as number[]) n.set(e, (n.get(e) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

const overlaps = (a: NameRef[], b: NameRef[]) => a.some((x) => b.some((y) => x.name === y.name));

/**
 * Puts each colleague "same" judgement awaiting review in the queue as a
 * suggestion naming its author, where its two sides are two entities here
 * and no judgement in force (mine, or their "not the same") already decides
 * them; a pair already queued gets the reason added (`changing` is told
 * first, for a merge's undo log). Answers the queue rows added.
 */
export function queueColleagueJudgements(db: WriteDb, changing?: (queueId: number) => void): number[] {
  const pending = db
    .prepare("SELECT * FROM judgements WHERE decision = 'same' AND revoked_by = ? ORDER BY id")
    .all(AWAITING_REVIEW) as Pending[];
  if (pending.length === 0) return [];
  const inForce = activeJudgements(db);
  const insert = reviewInserter(db);
  const added: number[] = [];
  for (const p of pending) {
    const [sideA, sideB] = [JSON.parse(p.side_a) as NameRef[], JSON.parse(p.side_b) as NameRef[]];
    const [a, b] = [entityOfSide(db, sideA), entityOfSide(db, sideB)];
    if (a === undefined || b === undefined || a === b) continue;
    const decided = inForce.some(
      (j) =>
        (overlaps(j.sideA, sideA) && overlaps(j.sideB, sideB)) ||
        (overlaps(j.sideA, sideB) && overlaps(j.sideB, sideA)),
    );
    if (decided) continue;
    const reasons = [
      `${p.actor} judged these the same in their case (${p.at.slice(0, 10)}), brought in by a merge: yours to decide.`,
      ...(p.note ? [`Their note: ${p.note}`] : []),
    ];
    const queued = queueRowOf(db, a, b);
    if (queued) {
      // Already queued (as one entity of theirs, or by likeness): the reason names who judged it too.
      if (queued.reasons.includes(reasons[0]!)) continue;
      changing?.(queued.id);
      db.prepare('UPDATE review_queue SET reasons = ? WHERE id = ?').run(
        JSON.stringify([...reasons, ...queued.reasons]),
        queued.id,
      );
      continue;
    }
    const [ea, eb] = [getEntity(db, a), getEntity(db, b)];
    if (!ea || !eb) continue;
    insert({ entityA: a, entityB: b, score: 1, reasons, unsure: false, names: { a: ea.name, b: eb.name } });
    added.push(queueRowOf(db, a, b)!.id);
  }
  return added;
}
