import type { MergeSummary, Signer } from '../../../shared/api/exchange';
import type { ReadDb, WriteDb } from './types';

/**
 * The merges of colleagues' cases (`merges`) and each one's undo log
 * (`merge_changes`, see migration 0180). A row is named in the log by its
 * rowid, or by its key columns in a table without one; a changed row's
 * prior values are kept whole, as JSON (the merge never changes a blob).
 */

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Row = Record<string, unknown>;

interface MergeDbRow {
  id: number;
  at: string;
  actor: string;
  other_file: string;
  other_digest: string;
  signer: string | null;
  verified: number;
  added: string;
  audit_seq: number;
}

const toSummary = (r: MergeDbRow, conflictsOpen: number): MergeSummary => ({
  mergeId: r.id,
  at: r.at,
  actor: r.actor,
  otherFile: r.other_file,
  otherDigest: r.other_digest,
  signer: r.signer ? (JSON.parse(r.signer) as Signer) : null,
  verified: r.verified === 1,
  added: JSON.parse(r.added) as Record<string, number>,
  conflictsOpen,
});

export function insertMerge(
  db: WriteDb,
  m: { actor: string; otherFile: string; otherDigest: string; signer: Signer | null; verified: boolean },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO merges (at, actor, other_file, other_digest, signer, verified, added, audit_seq)
         VALUES (?, ?, ?, ?, ?, ?, '{}', 0)`,
      )
      .run(
        new Date().toISOString(),
        m.actor,
        m.otherFile,
        m.otherDigest,
        m.signer && JSON.stringify(m.signer),
        m.verified ? 1 : 0,
      ).lastInsertRowid,
  );
}

export function finishMerge(db: WriteDb, id: number, added: Record<string, number>, auditSeq: number): void {
  db.prepare('UPDATE merges SET added = ?, audit_seq = ? WHERE id = ?').run(JSON.stringify(added), auditSeq, id);
}

const OPEN_CONFLICTS = '(SELECT count(*) FROM merge_conflicts c WHERE c.merge_id = m.id AND c.picked IS NULL)';

export function listMerges(db: ReadDb): MergeSummary[] {
  return (
    db.prepare(`SELECT m.*, ${OPEN_CONFLICTS} AS open FROM merges m ORDER BY m.id DESC`).all() as (MergeDbRow & {
      open: number;
    })[]
  ).map((r) => toSummary(r, r.open));
}

export function getMerge(db: ReadDb, id: number): MergeSummary | null {
  const r = db.prepare(`SELECT m.*, ${OPEN_CONFLICTS} AS open FROM merges m WHERE m.id = ?`).get(id) as
    (MergeDbRow & { open: number }) | undefined;
  return r ? toSummary(r, r.open) : null;
}

/** The audit entry a merge wrote. */
export const mergeAuditSeq = (db: ReadDb, id: number): number =>
  db.prepare('SELECT audit_seq FROM merges WHERE id = ?').pluck().get(id) as number;

/**
 * Foreign keys checked at commit, not per statement, for the rest of the
 * transaction: an undo puts rows back in its log's reverse order, a node
 * before the parent it points at.
 */
export function deferForeignKeys(db: WriteDb): void {
  db.pragma('defer_foreign_keys = ON');
}

/** Rows whose foreign key points at nothing (at most a few, named `table` and rowid): what an undo would strand. */
export function strandedRows(db: ReadDb): string[] {
  return (db.pragma('foreign_key_check') as { table: string; rowid: number }[])
    .slice(0, 5)
    .map((r) => `${r.table} ${r.rowid}`);
}

/** The merges made after one (an undo must take the later ones back first). */
export function countMergesAfter(db: ReadDb, id: number): number {
  return db.prepare('SELECT count(*) FROM merges WHERE id > ?').pluck().get(id) as number;
}

/** Audit actions after an entry that rewrite what a merge wrote wholesale (a resolve renumbers names and mentions). */
export function rewritesSince(db: ReadDb, seq: number, actions: readonly string[]): string[] {
  return db
    .prepare(`SELECT DISTINCT action FROM audit_log WHERE seq > ? AND action IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(seq, JSON.stringify(actions)) as string[];
}

/** Whether a table keeps rows by rowid (then rows are named by it) or is WITHOUT ROWID (named by its key). */
function keyColumns(db: ReadDb, table: string): string[] | null {
  const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(
    (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string) ?? '',
  );
  if (!withoutRowid) return null;
  return (
    db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]
  ).map((c) => c.name);
}

/**
 * The undo log of one merge, written as the merge writes. `inserted` names a
 * row the merge added; `changing` keeps a row's values before the merge
 * changes it (call it before each change: undo replays backwards, so the
 * first values kept are the ones put back).
 */
export class ChangeLog {
  private seq: number;
  private readonly add;
  private readonly keys = new Map<string, string[] | null>();

  constructor(
    private readonly db: WriteDb,
    readonly mergeId: number,
  ) {
    this.add = db.prepare(
      'INSERT INTO merge_changes (merge_id, seq, table_name, row_key, before) VALUES (?, ?, ?, ?, ?)',
    );
    this.seq = db
      .prepare('SELECT coalesce(max(seq), 0) FROM merge_changes WHERE merge_id = ?')
      .pluck()
      .get(mergeId) as number;
  }

  private keyOf(table: string): string[] | null {
    if (!this.keys.has(table)) this.keys.set(table, keyColumns(this.db, table));
    return this.keys.get(table)!;
  }

  /** A row the merge inserted, by its rowid (or, in a table without one, its key values). */
  inserted(table: string, key: number | Row): void {
    this.add.run(this.mergeId, ++this.seq, table, JSON.stringify(typeof key === 'number' ? { rowid: key } : key), null);
  }

  /** Keeps the values of the rows `where` selects, before the merge changes or deletes them. */
  changing(table: string, where: string, ...params: unknown[]): void {
    const cols = this.keyOf(table);
    const rows = this.db
      .prepare(`SELECT ${cols ? '*' : 'rowid AS "rowid", *'} FROM ${quote(table)} WHERE ${where}`)
      .all(...params) as Row[];
    for (const row of rows) {
      const key = cols ? Object.fromEntries(cols.map((c) => [c, row[c]])) : { rowid: row.rowid };
      this.add.run(this.mergeId, ++this.seq, table, JSON.stringify(key), JSON.stringify(row));
    }
  }
}

export interface LoggedChange {
  table: string;
  key: Row;
  before: Row | null;
}

/** A merge's log, last change first: the order undo takes it in (read a page at a time, so undo can write between). */
export function* changesBackwards(db: ReadDb, mergeId: number): Generator<LoggedChange> {
  const page = db
    .prepare(
      'SELECT seq, table_name, row_key, before FROM merge_changes WHERE merge_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1000',
    )
    .raw(true);
  let below = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = page.all(mergeId, below) as [number, string, string, string | null][];
    if (rows.length === 0) return;
    for (const [seq, table, key, before] of rows) {
      below = seq;
      yield { table, key: JSON.parse(key) as Row, before: before === null ? null : (JSON.parse(before) as Row) };
    }
  }
}

const whereKey = (key: Row) =>
  Object.keys(key)
    .map((c) => `${c === 'rowid' ? 'rowid' : quote(c)} IS ?`)
    .join(' AND ');

/** Deletes the row a log entry names. */
export function deleteLoggedRow(db: WriteDb, c: LoggedChange): void {
  db.prepare(`DELETE FROM ${quote(c.table)} WHERE ${whereKey(c.key)}`).run(...Object.values(c.key));
}

/** Puts a changed or deleted row back as it was (under its rowid, where it has one). */
export function restoreLoggedRow(db: WriteDb, c: LoggedChange): void {
  const row = c.before!;
  const names = Object.keys(row);
  const cols = names.map((k) => (k === 'rowid' ? 'rowid' : quote(k)));
  const values = names.map((k) => row[k]);
  const updated = db
    .prepare(`UPDATE ${quote(c.table)} SET ${cols.map((col) => `${col} = ?`).join(', ')} WHERE ${whereKey(c.key)}`)
    .run(...values, ...Object.values(c.key)).changes;
  if (updated === 0)
    db.prepare(`INSERT INTO ${quote(c.table)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
      ...values,
    );
}

/** Removes a merge's own rows once its log has been replayed. */
export function forgetMerge(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM merge_conflicts WHERE merge_id = ?').run(id);
  db.prepare('DELETE FROM merge_changes WHERE merge_id = ?').run(id);
  db.prepare('DELETE FROM merges WHERE id = ?').run(id);
}

/**
 * Empties the merge tables of an export's copy: merges, their undo logs and
 * conflicts are this case's own work in progress (what "Undo merge" and the
 * conflict picks act on); a colleague receiving the case could not undo my
 * merges, and should not be asked to settle my conflicts.
 */
export function clearMerges(db: WriteDb): void {
  db.exec('DELETE FROM merge_conflicts; DELETE FROM merge_changes; DELETE FROM merges;');
}
