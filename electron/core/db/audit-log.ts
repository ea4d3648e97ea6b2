import { createHash } from 'node:crypto';
import type { AuditEntry, AuditFacets, AuditFilter, AuditVerification } from '../../../shared/api/case';
import type { ReadDb, WriteDb } from './types';

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

/** Exported for tests that forge an entry as someone who knows the rule would. */
export function entryHash(prevHash: string, at: string, actor: string, action: string, detail: string): string {
  // Length-prefixed fields, so that no two different entries hash the same text.
  const h = createHash('sha256');
  for (const part of [prevHash, at, actor, action, detail]) {
    h.update(`${Buffer.byteLength(part)}:`);
    h.update(part);
  }
  return h.digest('hex');
}

/**
 * Appends one entry. Call inside the transaction of the change it records,
 * so that the entry and the change land together or not at all.
 */
export function appendAudit(db: WriteDb, actor: string, action: string, detail: unknown): AuditEntry {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const detailJson = JSON.stringify(detail ?? null);
  const hash = entryHash(prevHash, at, actor, action, detailJson);
  const info = db
    .prepare('INSERT INTO audit_log (at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
    .run(at, actor, action, detailJson, prevHash, hash);
  return { seq: Number(info.lastInsertRowid), at, actor, action, detail: detail ?? null, hash };
}

const toEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  detail: JSON.parse(r.detail) as unknown,
  hash: r.hash,
});

/** The day after a YYYY-MM-DD, so that `to` takes in the whole of its day. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The WHERE clause of a filter (times are ISO strings in UTC, so they compare as text). */
function whereSql(f: AuditFilter): { sql: string; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  const add = (clause: string, value: string) => {
    sql.push(clause);
    params.push(value);
  };
  if (f.action) add('action = ?', f.action);
  if (f.actor) add('actor = ?', f.actor);
  if (f.from) add('at >= ?', f.from.length === 10 ? `${f.from}T00:00:00.000Z` : f.from);
  if (f.to) {
    if (f.to.length === 10) add('at < ?', dayAfter(f.to));
    else add('at <= ?', f.to);
  }
  return { sql: sql.length ? `WHERE ${sql.join(' AND ')}` : '', params };
}

/** Newest first. */
export function listAudit(db: ReadDb, limit: number, offset: number, filter: AuditFilter = {}): AuditEntry[] {
  const w = whereSql(filter);
  const rows = db
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as AuditRow[];
  return rows.map(toEntry);
}

export function countAudit(db: ReadDb, filter: AuditFilter = {}): number {
  const w = whereSql(filter);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** Oldest first, one at a time: an export of a long log never holds it whole. */
export function* iterateAudit(db: ReadDb, filter: AuditFilter = {}): Generator<AuditEntry> {
  const w = whereSql(filter);
  const rows = db.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY seq`).iterate(...w.params);
  for (const r of rows as Iterable<AuditRow>) yield toEntry(r);
}

export function auditFacets(db: ReadDb): AuditFacets {
  const distinct = (col: 'action' | 'actor') =>
    (db.prepare(`SELECT DISTINCT ${col} AS v FROM audit_log ORDER BY ${col}`).all() as { v: string }[]).map((r) => r.v);
  return { actions: distinct('action'), actors: distinct('actor') };
}

/**
 * Walks the whole chain: any edited, removed or reordered entry breaks it.
 * Says at which entry, and what is wrong there: its own fields no longer
 * give its hash (it was edited), entries before it are gone, or it does not
 * follow from the entry before (that one was rewritten with a new hash, or
 * the entries were reordered).
 */
export function verifyAudit(db: ReadDb): AuditVerification {
  let prev = GENESIS;
  let prevSeq = 0;
  let entries = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    entries++;
    const problem = chainProblem(r, prev, prevSeq);
    if (problem) return { ok: false, entries, brokenAt: r.seq, problem };
    prev = r.hash;
    prevSeq = r.seq;
  }
  return { ok: true, entries };
}

/** The last entry's sequence number and hash (0 and the genesis hash for an empty log): what a seal pins. */
export function auditHead(db: ReadDb): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return last ?? { seq: 0, hash: GENESIS };
}

function chainProblem(r: AuditRow, prev: string, prevSeq: number): string | null {
  if (entryHash(r.prev_hash, r.at, r.actor, r.action, r.detail) !== r.hash)
    return `Entry ${r.seq} was changed after it was written: its time, actor, action or details no longer give its hash.`;
  if (r.prev_hash === prev) return null;
  if (prevSeq === 0)
    return r.seq > 1
      ? `Entries 1–${r.seq - 1} are missing: entry ${r.seq} does not start the chain.`
      : `Entry 1 does not start the chain: its link to a predecessor was changed.`;
  if (r.seq !== prevSeq + 1)
    return `Entries ${prevSeq + 1}–${r.seq - 1} are missing: entry ${r.seq} does not follow from entry ${prevSeq}.`;
  return `Entry ${r.seq} does not follow from entry ${prevSeq}: entry ${prevSeq} was rewritten, or the entries were reordered.`;
}
