import { createHash } from 'node:crypto';
import { CustodianError } from '../../../shared/result';
import type { VerifyProblem } from '../../../shared/api/exchange';
import { auditHead } from '../db/audit-log';
import { estimateWork, iterateRows, sealedTables, type SealedTable } from '../db/table-walk';
import type { ReadDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';

export const SEAL_FORMAT = 'custodian-seal-1';

export interface TableDigest {
  name: string;
  rows: number;
  digest: string;
}

export interface CaseDigest {
  digest: string;
  tables: TableDigest[];
  auditSeq: number;
  auditHead: string;
  /** Per table, the first 8 bytes of each row's hash in key order: lets verify name the row that changed. */
  hints: Map<string, Buffer>;
  /** Blobs whose bytes no longer hash to the SHA-256 they are stored under. */
  blobProblems: VerifyProblem[];
}

/** How a row is named in a problem: its key, e.g. `id=42` or `entity_id=3, name=ACME`. */
export function rowName(t: SealedTable, row: unknown[]): string {
  if (!t.keyIndexes.length) return `rowid=${String(row[row.length - 1])}`;
  return t.keyIndexes.map((i, k) => `${t.key[k]}=${String(row[i])}`).join(', ');
}

/**
 * A row as canonical text: JSON of its values in column order, each blob
 * replaced by its SHA-256 (a blob is sealed by its hash, so that hashing a
 * row never copies a document into a string).
 */
function rowText(row: unknown[], blobHash: (b: Buffer) => string): string {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v !== null && typeof v === 'object') row[i] = { sha256: blobHash(v as Buffer) };
  }
  return JSON.stringify(row);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/**
 * The digest of a case's logical content: every covered table (sealedTables)
 * by name, its columns and its rows in key order, each row hashed on its
 * own (a table's digest is the hash of its rows' hashes), then the audit
 * log's head. It does not depend on how SQLite laid the pages out, so a
 * VACUUM or a copy does not change it; any changed value, added or removed
 * row does. Every blob is re-hashed on the way and checked against the
 * SHA-256 it is stored under. Reads one row at a time: memory stays flat
 * however big the case (the hints take 8 bytes a row).
 */
export function digestCase(db: ReadDb, control?: JobControl, label = 'Sealing'): CaseDigest {
  const tables = sealedTables(db);
  const work = tables.map((t) => estimateWork(db, t));
  const total = work.reduce((a, b) => a + b, 0) || 1;
  let done = 0;
  const whole = createHash('sha256').update(`${SEAL_FORMAT}\n`);
  const out: CaseDigest = { digest: '', tables: [], auditSeq: 0, auditHead: '', hints: new Map(), blobProblems: [] };

  tables.forEach((t, ti) => {
    control?.progress(done / total, `${label}: ${t.name}`);
    const tableHash = createHash('sha256');
    const hints: Buffer[] = [];
    let hintBuf = Buffer.alloc(8 * 8192);
    let hintLen = 0;
    let rows = 0;
    let blobBytes = 0;
    const isBlobs = t.name === 'blobs';
    const blobHash = (b: Buffer) => {
      blobBytes += b.length;
      return createHash('sha256').update(b).digest('hex');
    };
    for (const row of iterateRows(db, t)) {
      const raw = isBlobs ? [...row] : null;
      const text = rowText(row, blobHash);
      if (raw) checkBlob(t, raw, row, out.blobProblems);
      const h = sha256(text);
      tableHash.update(h);
      if (hintLen === hintBuf.length) {
        hints.push(hintBuf);
        hintBuf = Buffer.alloc(hintBuf.length);
        hintLen = 0;
      }
      h.copy(hintBuf, hintLen, 0, 8);
      hintLen += 8;
      rows++;
      if ((rows & 1023) === 0 || blobBytes > 1 << 26) {
        if (control?.signal.aborted) throw new CustodianError('cancelled', `${label} was cancelled.`);
        control?.progress(
          Math.min(1, (done + Math.min(rows + blobBytes / 4096, work[ti]!)) / total),
          `${label}: ${t.name}`,
        );
        blobBytes = 0;
      }
    }
    hints.push(hintBuf.subarray(0, hintLen));
    done += work[ti]!;
    const digest = tableHash.digest('hex');
    out.tables.push({ name: t.name, rows, digest });
    out.hints.set(t.name, Buffer.concat(hints));
    whole.update(`${t.name}\n${JSON.stringify(t.columns)}\n${rows}\n${digest}\n`);
  });
  const head = auditHead(db);
  whole.update(`audit ${head.seq} ${head.hash}\n`);
  return { ...out, digest: whole.digest('hex'), auditSeq: head.seq, auditHead: head.hash };
}

/** A blobs row (sha256, size, data) whose data does not hash to its key, or is not its size. */
function checkBlob(t: SealedTable, raw: unknown[], hashed: unknown[], problems: VerifyProblem[]): void {
  const key = raw[t.columns.indexOf('sha256')] as string;
  const data = raw[t.columns.indexOf('data')] as Buffer;
  const actual = (hashed[t.columns.indexOf('data')] as { sha256: string }).sha256;
  if (actual !== key || data.length !== raw[t.columns.indexOf('size')]) {
    problems.push({
      part: 'blob',
      table: 'blobs',
      sha256: key,
      message: `The stored file ${key} has changed: its bytes now hash to ${actual} (${data.length} bytes).`,
    });
  }
}
