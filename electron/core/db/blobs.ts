import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from './types';

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Stores bytes once, keyed by their SHA-256; returns the key. */
export function putBlob(db: WriteDb, data: Uint8Array): string {
  const sha256 = sha256Hex(data);
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha256, data.byteLength, data);
  return sha256;
}

export function getBlob(db: ReadDb, sha256: string): Buffer | null {
  const row = db.prepare('SELECT data FROM blobs WHERE sha256 = ?').get(sha256) as { data: Buffer } | undefined;
  return row?.data ?? null;
}

export function hasBlob(db: ReadDb, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
}
