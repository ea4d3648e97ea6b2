import { createReadStream, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { putBlob } from '../../db/blobs';
import type { WriteDb } from '../../db/types';

/**
 * Whether the original file's bytes go into the case. They are evidence:
 * with them a colleague who receives the case can re-check the SHA-256,
 * re-read the file with another mapping, or show it in court exactly as it
 * came, long after the investigator's copy is gone. So they are kept — up
 * to this size. A blob is one SQLite value that better-sqlite3 must hold in
 * memory whole, and a half-gigabyte export would double the case and break
 * the import's flat-memory promise; above the limit the case keeps the
 * SHA-256, size and name, every row's raw values, and a note saying the
 * original must be kept alongside.
 */
export const KEEP_ORIGINAL_MAX_BYTES = 64 * 1024 * 1024;

export function keepOriginal(db: WriteDb, path: string, size: number): { blobSha256: string | null; note: string } {
  if (size > KEEP_ORIGINAL_MAX_BYTES) {
    return {
      blobSha256: null,
      note: `Original not stored in the case (${Math.round(size / 1024 / 1024)} MB is over the ${KEEP_ORIGINAL_MAX_BYTES / 1024 / 1024} MB limit); keep the file, its SHA-256 identifies it.`,
    };
  }
  return { blobSha256: putBlob(db, readFileSync(path)), note: '' };
}

/** SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
