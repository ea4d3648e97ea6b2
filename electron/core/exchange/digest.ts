import { createHash } from 'node:crypto';
import { CustodianError } from '../../../shared/result';
import type { VerifyProblem } from '../../../shared/api/exchange';
import { auditHead } from '../db/audit-log';
import { collectGarbage } from '../collect-garbage';
import {
  estimateWork,
  iterateBlobRowsWithoutData,
  iterateRows,
  iterateRowTexts,
  sealedTables,
  type SealedTable,
} from '../db/table-walk';
import type { ReadDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';

export const SEAL_FORMAT = 'custodian-seal-2';

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
  /** Per table, an 8-byte hint of each row in key order (when asked for: sealing): lets verify name the row that changed. */
  hints: Map<string, Buffer>;
  /** Blobs whose bytes no longer hash to the SHA-256 they are stored under. */
  blobProblems: VerifyProblem[];
}

/** How a row is named in a problem: its key, e.g. `id=42` or `entity_id=3, name=ACME`. */
export const rowName = (t: SealedTable, key: readonly unknown[]): string =>
  t.key.map((k, i) => `${k}=${String(key[i])}`).join(', ');

/**
 * A row's hint: two 32-bit hashes of its text side by side. Only a pointer
 * to which row changed (a tampered hint can only mislead the pointing): what
 * proves anything is the SHA-256 digest over the same texts. Per row, a
 * SHA-256 object cost more than reading the row.
 */
export function writeHint(text: string, out: Buffer, at: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out.writeUInt32BE(a >>> 0, at);
  out.writeUInt32BE(b >>> 0, at + 4);
}

/**
 * Every row of a table in key order as (canonical text, key values, bytes
 * read). Every table's text but the stored files' is made by SQLite
 * (table-walk.ts iterateRowTexts). A stored file (`blobs`) stands in its
 * row's text by its SHA-256: with `rehash` (verifying), its bytes are read
 * and hashed once, and a file whose bytes no longer hash to the SHA-256 it
 * is stored under is a problem; without (sealing one's own fresh copy),
 * the recorded SHA-256 stands in, and only the size and type are checked
 * (SQLite knows both without reading the bytes): the receiver's verify
 * re-hashes every file against it, so a file damaged before sealing is
 * still found, and sealing a big case costs a fraction of reading it.
 */
/** File bytes read between two collections while re-hashing: what verify holds of them at most, about. */
const COLLECT_AFTER_BYTES = 128 << 20;

export function* rowTexts(
  db: ReadDb,
  t: SealedTable,
  blobProblems: VerifyProblem[] = [],
  rehash = true,
): Generator<[string, unknown[], number]> {
  if (t.name !== 'blobs') {
    for (const [text, ...key] of iterateRowTexts(db, t)) yield [text, key, 0];
    return;
  }
  const [shaAt, sizeAt, dataAt] = ['sha256', 'size', 'data'].map((c) => t.columns.indexOf(c)) as [
    number,
    number,
    number,
  ];
  const rows = rehash ? iterateRows(db, t) : iterateBlobRowsWithoutData(db, t);
  let readSinceCollect = 0;
  for (const row of rows) {
    const key = row[shaAt];
    let actual: string;
    let length: number;
    let isBlob: boolean;
    if (rehash) {
      [actual, length, isBlob] = hashStored(row, dataAt);
      readSinceCollect += length;
    } else {
      const [len, type] = row.splice(t.columns.length, 2) as [number, string];
      [actual, length, isBlob] = [String(key), len, type === 'blob'];
    }
    if (actual !== key || length !== row[sizeAt] || !isBlob) {
      blobProblems.push({
        part: 'blob',
        table: 'blobs',
        sha256: String(key),
        message: `The stored file ${String(key)} has changed: its bytes now hash to ${actual} (${length} bytes).`,
      });
    }
    row[dataAt] = { sha256: actual };
    yield [JSON.stringify(row), [key], rehash ? length : 0];
    // Each file came as a Buffer of its own (the driver reads a blob whole), which V8 frees only when it
    // collects, and with a small heap it seldom does: tens of them piled up, and one big file stayed held
    // through the tables after it. Collected here, once the file is let go and before the next is read.
    if (readSinceCollect >= COLLECT_AFTER_BYTES) {
      collectGarbage();
      readSinceCollect = 0;
    }
  }
}

/** A stored file's SHA-256, length and whether it is a blob; the bytes are let go on return. */
function hashStored(row: unknown[], dataAt: number): [string, number, boolean] {
  const data = row[dataAt];
  row[dataAt] = null;
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
  return [createHash('sha256').update(bytes).digest('hex'), bytes.length, Buffer.isBuffer(data)];
}

/**
 * The digest of a case's logical content: every covered table (sealedTables)
 * by name, its columns and its rows' texts in key order (a table's digest is
 * the SHA-256 of its rows' texts, each ended by a newline, which JSON text
 * never holds), then the audit log's head. It does not depend on how SQLite
 * laid the pages out, so a VACUUM or a copy does not change it; any changed
 * value, added or removed row does. Every stored file is re-hashed on the
 * way (rowTexts). Reads one row at a time: memory stays flat however big the
 * case (the hints take 8 bytes a row).
 */
export function digestCase(
  db: ReadDb,
  control?: JobControl,
  label = 'Sealing',
  withHints = true,
  rehashBlobs = true,
): CaseDigest {
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
    let pending = '';
    let sinceReport = 0;
    for (const [text, , bytes] of rowTexts(db, t, out.blobProblems, rehashBlobs)) {
      // Many rows to one update: a hash call per row cost more than the hashing.
      pending += `${text}\n`;
      if (pending.length > 1 << 16) {
        tableHash.update(pending);
        pending = '';
      }
      if (withHints) {
        if (hintLen === hintBuf.length) {
          hints.push(hintBuf);
          hintBuf = Buffer.alloc(hintBuf.length);
          hintLen = 0;
        }
        writeHint(text, hintBuf, hintLen);
        hintLen += 8;
      }
      rows++;
      sinceReport += 1 + bytes / 4096;
      if (sinceReport > 4096) {
        if (control?.signal.aborted) throw new CustodianError('cancelled', `${label} was cancelled.`);
        control?.progress(Math.min(1, (done + Math.min(rows, work[ti]!)) / total), `${label}: ${t.name}`);
        sinceReport = 0;
      }
    }
    tableHash.update(pending);
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
