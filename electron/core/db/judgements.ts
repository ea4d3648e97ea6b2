import type { DecidedBy, Decision, EntityName, Judgement } from '../../../shared/domain/entities';
import type { QueueRow } from './review-queue';
import type { ReadDb, WriteDb } from './types';

/** One side of a judgement: the names (with identifiers) an entity had when the decision was made. */
export interface NameRef {
  name: string;
  identifier: string | null;
}

/** A name row a judgement moved to another entity: where from, and how it had been decided there. */
export interface MovedName {
  id: number;
  from: number;
  decidedBy: DecidedBy;
  raw: string;
  identifier: string | null;
  country: string | null;
}

/** An entity before a judgement changed it: what an undo writes back (not its name, which a person may have set since). */
export interface EntityImage {
  id: number;
  country: string | null;
  identifiers: string[];
  mentionCount: number;
  mergedInto: number | null;
  names: EntityName[];
}

/** What a judgement changed, as it was before: what undoing it puts back. */
export interface JudgementEffect {
  /** The resolve run it changed (resolveRun): a later resolve wrote everything again, and this is history. */
  run: number;
  /** Where the names moved: a merge's survivor, a split's new entity (null when no name moved). */
  to: number | null;
  moved: MovedName[];
  /** The entities it changed (the new entity of a split was not there before: `created`). */
  entities: EntityImage[];
  created: number | null;
  /** Queue rows it deleted or changed. */
  queue: QueueRow[];
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
  /** Null for a judgement made before effects were kept. */
  effect: JudgementEffect | null;
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
  effect: string | null;
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
  effect: r.effect ? (JSON.parse(r.effect) as JudgementEffect) : null,
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

/** Keeps what a judgement changed (set once it is applied). */
export function setJudgementEffect(db: WriteDb, id: number, effect: JudgementEffect): void {
  db.prepare('UPDATE judgements SET effect = ? WHERE id = ?').run(JSON.stringify(effect), id);
}

/** What every judgement changed, undone ones too (where names were before a merge moved them), oldest first. */
export function judgementEffects(db: ReadDb): JudgementEffect[] {
  const rows = db
    .prepare('SELECT effect FROM judgements WHERE effect IS NOT NULL ORDER BY id')
    .pluck()
    .all() as string[];
  return rows.map((r) => JSON.parse(r) as JudgementEffect);
}

/** Judgements in force made after one, oldest first. */
export function laterJudgements(db: ReadDb, id: number): StoredJudgement[] {
  return (
    db.prepare('SELECT * FROM judgements WHERE revoked_at IS NULL AND id > ? ORDER BY id').all(id) as JudgementRow[]
  ).map(toStored);
}

/** How many resolves have written the case's entities: a judgement's effect belongs to one run. */
export function resolveRun(db: ReadDb): number {
  return Number(db.prepare("SELECT value FROM case_meta WHERE key = 'entities.resolve_run'").pluck().get() ?? 0);
}

export function countResolveRun(db: WriteDb): void {
  db.prepare(
    "INSERT INTO case_meta (key, value) VALUES ('entities.resolve_run', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
  ).run();
}

/** Judgements in force, oldest first: later decisions are applied after earlier ones. */
export function activeJudgements(db: ReadDb): StoredJudgement[] {
  return (db.prepare('SELECT * FROM judgements WHERE revoked_at IS NULL ORDER BY id').all() as JudgementRow[]).map(
    toStored,
  );
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
