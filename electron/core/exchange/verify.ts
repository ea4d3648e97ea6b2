import type { Signer, VerifyProblem, VerifyResult } from '../../../shared/api/exchange';
import { verifyAudit } from '../db/audit-log';
import { setCacheSize } from '../db/connection';
import { readRowHints, readSeal, type SealRow } from '../db/exchange-seal';
import { openReceivedFile } from '../db/safe-open';
import { sealedTables, type SealedTable } from '../db/table-walk';
import type { ReadDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { digestCase, rowName, rowTexts, SEAL_FORMAT, writeHint, type CaseDigest, type TableDigest } from './digest';
import { fingerprintOf, nameOfKey } from './identity';
import { signatureHolds } from './seal';

/** Changed rows named per table at most; past that, the count says the rest. */
const MAX_ROWS_NAMED = 20;

/**
 * Verifies a received file: opens it as hostile (db/safe-open.ts, which
 * refuses with an error what it cannot safely read), then recomputes the
 * digest, checks the signature and who made it, re-hashes every blob and
 * walks the audit chain. `ok` means the file is exactly what its signer
 * sealed; whether the signer is someone you trust is `signer.trusted`.
 */
export function verifyFile(path: string, appDataDir: string, control?: JobControl): VerifyResult {
  const db = openReceivedFile(path, {}, { mapped: true });
  try {
    // One pass over every page: a small page cache keeps memory flat however big the file. Not mapped: a
    // mapping counts every page read in the process's memory until closed, and reading the stored files,
    // which SQLite reads straight into the value it answers, cost no more without (npm run bench -- exchange).
    setCacheSize(db, 4096);
    const seal = readSeal(db);
    const d = digestCase(db, control, 'Verifying', false);
    const problems: VerifyProblem[] = [];
    let signer: Signer | null = null;
    if (!seal) {
      problems.push({
        part: 'seal',
        message: 'The file is not sealed: nothing shows who sent it or that it is unchanged.',
      });
    } else {
      const fingerprint = fingerprintOf(seal.publicKey);
      const name = nameOfKey(appDataDir, seal.publicKey);
      signer = { fingerprint, name, trusted: name !== null, claimedBy: seal.sealedBy };
      if (seal.format !== SEAL_FORMAT) {
        problems.push({ part: 'seal', message: `The seal is of an unknown format (${seal.format}).` });
      }
      if (!signatureHolds(seal)) {
        problems.push({
          part: 'signature',
          message: `The signature is wrong: the seal was changed after signing, or not signed by the key it names (${fingerprint}).`,
        });
      }
      if (seal.digest !== d.digest) problems.push(...whatChanged(db, seal, d));
    }
    problems.push(...d.blobProblems);
    const audit = verifyAudit(db);
    if (!audit.ok) {
      problems.push({
        part: 'audit',
        table: 'audit_log',
        seq: audit.brokenAt!,
        message: `The audit log's hash chain breaks at entry ${audit.brokenAt}: that entry, or one before it, was changed or removed.`,
      });
    }
    return { ok: problems.length === 0, signer, digest: d.digest, problems };
  } finally {
    db.close();
  }
}

/** Names what differs between the sealed digest and the file: tables added or removed, rows changed, the audit head. */
function whatChanged(db: ReadDb, seal: SealRow, d: CaseDigest): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  let sealed: TableDigest[];
  try {
    sealed = JSON.parse(seal.tables) as TableDigest[];
  } catch {
    sealed = [];
  }
  const sealedByName = new Map(sealed.map((t) => [t.name, t]));
  const walk = new Map(sealedTables(db).map((t) => [t.name, t]));
  for (const now of d.tables) {
    const was = sealedByName.get(now.name);
    if (!was) {
      out.push({ part: 'table', table: now.name, message: `Table ${now.name} was not in the sealed file.` });
      continue;
    }
    if (was.digest === now.digest && was.rows === now.rows) continue;
    out.push(...changedRows(db, walk.get(now.name)!, was, now));
  }
  for (const was of sealed) {
    if (!d.tables.some((t) => t.name === was.name))
      out.push({ part: 'table', table: was.name, message: `Table ${was.name} of the sealed file is gone.` });
  }
  if (seal.auditSeq !== d.auditSeq || seal.auditHead !== d.auditHead) {
    out.push({
      part: 'audit',
      table: 'audit_log',
      seq: d.auditSeq,
      message: `The audit log ends at entry ${d.auditSeq}; the sealed log ended at entry ${seal.auditSeq} (${seal.auditHead.slice(0, 12)}…).`,
    });
  }
  if (!out.length) out.push({ part: 'seal', message: 'The content does not match the sealed digest.' });
  return out;
}

/**
 * The rows of one table that differ from the sealed ones, found by comparing
 * each row's hint with the sealed ones in key order (worked out only here,
 * for a table that changed: verifying an unchanged file needs none). Rows added or
 * removed shift that order: the first row where it breaks is named, and
 * the counts say how many.
 */
function changedRows(db: ReadDb, t: SealedTable, was: TableDigest, now: TableDigest): VerifyProblem[] {
  const sealedHints = readRowHints(db, t.name);
  const hint = Buffer.alloc(8);
  const out: VerifyProblem[] = [];
  const countsDiffer = was.rows !== now.rows;
  let i = 0;
  let named = 0;
  let differing = 0;
  for (const [text, key] of rowTexts(db, t)) {
    writeHint(text, hint, 0);
    const same = i * 8 + 8 <= sealedHints.length && sealedHints.compare(hint, 0, 8, i * 8, i * 8 + 8) === 0;
    if (!same) {
      differing++;
      if (named < MAX_ROWS_NAMED) {
        const row_ = rowName(t, key);
        out.push({
          part: 'row',
          table: t.name,
          row: row_,
          message: countsDiffer
            ? `${t.name}: rows were added or removed; the first difference is at ${row_}.`
            : `${t.name}: the row ${row_} has changed since the file was sealed.`,
        });
        named++;
      }
      if (countsDiffer) break;
    }
    i++;
  }
  if (countsDiffer) {
    out.push({
      part: 'table',
      table: t.name,
      message: `${t.name} had ${was.rows} rows when sealed and has ${now.rows} now.`,
    });
  } else if (differing > named) {
    out.push({ part: 'table', table: t.name, message: `${t.name}: ${differing - named} more rows have changed.` });
  } else if (differing === 0) {
    out.push({ part: 'table', table: t.name, message: `${t.name} has changed since the file was sealed.` });
  }
  return out;
}
