import type { ReadDb, WriteDb } from './types';

/** What the seal row holds (see migration 0140). */
export interface SealRow {
  format: string;
  digest: string;
  auditSeq: number;
  auditHead: string;
  sealedAt: string;
  sealedBy: string;
  publicKey: string;
  signature: string;
  /** JSON [{name, rows, digest}] of each covered table. */
  tables: string;
}

/** Row hints are stored in chunks of this many 8-byte hashes (32 KiB a row of exchange_seal_rows). */
export const HINTS_PER_CHUNK = 4096;

/** The file's seal; null when it has none (a working case, or a file from before seals: no seal table). */
export function readSeal(db: ReadDb): SealRow | null {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_seal'`).get()) return null;
  const row = db
    .prepare(
      `SELECT format, digest, audit_seq AS auditSeq, audit_head AS auditHead, sealed_at AS sealedAt,
              sealed_by AS sealedBy, public_key AS publicKey, signature, tables
       FROM exchange_seal WHERE id = 1`,
    )
    .get() as SealRow | undefined;
  return row ?? null;
}

/** Removes any seal (a copy being made from a sealed file is no longer what was sealed). */
export function clearSeal(db: WriteDb): void {
  db.prepare('DELETE FROM exchange_seal').run();
  db.prepare('DELETE FROM exchange_seal_rows').run();
}

export function writeSeal(db: WriteDb, seal: SealRow): void {
  db.prepare(
    `INSERT INTO exchange_seal (id, format, digest, audit_seq, audit_head, sealed_at, sealed_by, public_key, signature, tables)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seal.format,
    seal.digest,
    seal.auditSeq,
    seal.auditHead,
    seal.sealedAt,
    seal.sealedBy,
    seal.publicKey,
    seal.signature,
    seal.tables,
  );
}

export function writeRowHints(db: WriteDb, table: string, hints: Buffer): void {
  const insert = db.prepare('INSERT INTO exchange_seal_rows (table_name, chunk, hashes) VALUES (?, ?, ?)');
  const chunkBytes = HINTS_PER_CHUNK * 8;
  for (let i = 0; i * chunkBytes < hints.length; i++) {
    insert.run(table, i, hints.subarray(i * chunkBytes, (i + 1) * chunkBytes));
  }
}

/** A table's sealed row hints, concatenated (8 bytes a row, in key order). */
export function readRowHints(db: ReadDb, table: string): Buffer {
  const rows = db
    .prepare('SELECT hashes FROM exchange_seal_rows WHERE table_name = ? ORDER BY chunk')
    .pluck()
    .all(table) as Buffer[];
  return Buffer.concat(rows);
}

/**
 * What tells a received file apart, read before anything else of it is
 * trusted: the kinds of the seal and meta tables as the schema states them
 * (a table only is read), whether a seal row is there, and the case's
 * machine mark under `madeOnKey`.
 */
export function peekReceivedMarks(
  db: ReadDb,
  madeOnKey: string,
): { sealType?: string; sealed: boolean; metaType?: string; madeOn?: string } {
  const tables = db
    .prepare(`SELECT name, type FROM sqlite_master WHERE name IN ('exchange_seal', 'case_meta')`)
    .all() as { name: string; type: string }[];
  const type = (name: string) => tables.find((t) => t.name === name)?.type;
  const sealType = type('exchange_seal');
  const metaType = type('case_meta');
  const sealed = sealType === 'table' && db.prepare('SELECT 1 FROM exchange_seal LIMIT 1').get() !== undefined;
  const made =
    metaType === 'table'
      ? (db.prepare('SELECT value FROM case_meta WHERE key = ?').get(madeOnKey) as { value: string } | undefined)
      : undefined;
  return { sealType, sealed, metaType, madeOn: made?.value };
}
