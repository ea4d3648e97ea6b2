import type { Decision, Judgement } from '../../../shared/domain/entities';
import type { ReadDb, WriteDb } from './types';

/** One side of a judgement: the names (with identifiers) an entity had when the decision was made. */
export interface NameRef {
  name: string;
  identifier: string | null;
}

export interface StoredJudgement {
  id: number;
  decision: Decision;
  sideA: NameRef[];
  sideB: NameRef[];
  actor: string;
  at: string;
  note: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

interface JudgementRow {
  id: number;
  decision: Decision;
  side_a: string;
  side_b: string;
  actor: string;
  at: string;
  note: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

const toStored = (r: JudgementRow): StoredJudgement => ({
  id: r.id,
  decision: r.decision,
  sideA: JSON.parse(r.side_a) as NameRef[],
  sideB: JSON.parse(r.side_b) as NameRef[],
  actor: r.actor,
  at: r.at,
  note: r.note,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

export function addJudgement(
  db: WriteDb,
  j: { decision: Decision; sideA: NameRef[]; sideB: NameRef[]; actor: string; note: string },
): number {
  const info = db
    .prepare('INSERT INTO judgements (decision, side_a, side_b, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)')
    .run(j.decision, JSON.stringify(j.sideA), JSON.stringify(j.sideB), j.actor, new Date().toISOString(), j.note);
  return Number(info.lastInsertRowid);
}

/** Judgements in force, oldest first: later decisions are applied after earlier ones. */
export function activeJudgements(db: ReadDb): StoredJudgement[] {
  return (db.prepare('SELECT * FROM judgements WHERE revoked_at IS NULL ORDER BY id').all() as JudgementRow[]).map(toStored);
}

export function getJudgement(db: ReadDb, id: number): StoredJudgement | null {
  const r = db.prepare('SELECT * FROM judgements WHERE id = ?').get(id) as JudgementRow | undefined;
  return r ? toStored(r) : null;
}

export function revokeJudgement(db: WriteDb, id: number, actor: string): void {
  db.prepare('UPDATE judgements SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(
    new Date().toISOString(),
    actor,
    id,
  );
}

export function listJudgements(db: ReadDb, includeRevoked: boolean): Judgement[] {
  const rows = db
    .prepare(`SELECT * FROM judgements ${includeRevoked ? '' : 'WHERE revoked_at IS NULL'} ORDER BY id DESC`)
    .all() as JudgementRow[];
  return rows.map(toStored).map((j) => ({
    id: j.id,
    decision: j.decision,
    namesA: [...new Set(j.sideA.map((s) => s.name))],
    namesB: [...new Set(j.sideB.map((s) => s.name))],
    actor: j.actor,
    at: j.at,
    note: j.note,
    revokedAt: j.revokedAt,
    revokedBy: j.revokedBy,
  }));
}
