import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../../../shared/api/case';
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

function entryHash(prevHash: string, at: string, actor: string, action: string, detail: string): string {
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

export function listAudit(db: ReadDb, limit: number, offset: number): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?')
    .all(limit, offset) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    detail: JSON.parse(r.detail) as unknown,
    hash: r.hash,
  }));
}

/** Walks the whole chain: any edited, removed or reordered entry breaks it. */
export function verifyAudit(db: ReadDb): AuditVerification {
  let prev = GENESIS;
  let entries = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    entries++;
    if (r.prev_hash !== prev || entryHash(r.prev_hash, r.at, r.actor, r.action, r.detail) !== r.hash) {
      return { ok: false, entries, brokenAt: r.seq };
    }
    prev = r.hash;
  }
  return { ok: true, entries };
}

/** The last entry's sequence number and hash (0 and the genesis hash for an empty log): what a seal pins. */
export function auditHead(db: ReadDb): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return last ?? { seq: 0, hash: GENESIS };
}
