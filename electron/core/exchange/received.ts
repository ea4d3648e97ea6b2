import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import type { ReceivedCase } from '../../../shared/api/case';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { setMeta } from '../db/case-meta';
import { connectUntrusted, openCaseFile, writeCompactCopy } from '../db/connection';
import { clearSeal, peekReceivedMarks, readSeal } from '../db/exchange-seal';
import { assertOpenableHeader, readCaseHeader } from '../db/format';
import type { ReadDb } from '../db/types';
import { fingerprintOf, nameOfKey } from './identity';

/** The case_meta key naming the machine a case was made on (a hash of its host name: the name itself need not travel). */
export const MADE_ON_KEY = 'made_on';

export function thisMachine(): string {
  return createHash('sha256').update(`custodian-machine\n${hostname()}`).digest('hex').slice(0, 16);
}

/**
 * Whether a file must be opened as received (read-only, through safe open):
 * it carries a seal, or it says it was made on another machine. Decided on
 * a connection that can run nothing (read-only, query_only, trusted_schema
 * off), reading the schema table first and a table only when the schema
 * says it is a plain table. A seal table that is anything else counts as
 * received, so that safe open, not this look, decides what the file is; a
 * file SQLite cannot read is left to the opening's own check. A case from
 * before the machine mark was kept, unsealed, counts as one's own.
 */
export function receivedKind(path: string): ReceivedCase['kind'] | null {
  assertOpenableHeader(path, readCaseHeader(path));
  let db: ReadDb | undefined;
  try {
    db = connectUntrusted(path);
    const marks = peekReceivedMarks(db, MADE_ON_KEY);
    if (marks.sealType && marks.sealType !== 'table') return 'sealed';
    if (marks.sealed) return 'sealed';
    if (marks.metaType !== 'table') return 'foreign';
    return marks.madeOn !== undefined && marks.madeOn !== thisMachine() ? 'foreign' : null;
  } catch {
    // Unreadable: opening checks the file before anything is written to it, and refuses it as damaged.
    return null;
  } finally {
    db?.close();
  }
}

/** What the open case says of where it came from (the signer as the seal names it: verify proves it). */
export function describeReceived(db: ReadDb, kind: ReceivedCase['kind'], appDataDir: string): ReceivedCase {
  const seal = readSeal(db);
  if (!seal) return { kind, sealed: false, signer: null, sealedAt: null };
  const name = nameOfKey(appDataDir, seal.publicKey);
  return {
    kind,
    sealed: true,
    sealedAt: seal.sealedAt,
    signer: { fingerprint: fingerprintOf(seal.publicKey), name, trusted: name !== null, claimedBy: seal.sealedBy },
  };
}

/**
 * "Save as my case": a working copy of a received file at `out`: a compact
 * copy (VACUUM INTO from the read-only connection; the received file is
 * not touched), brought to the current schema, without the seal (it no
 * longer describes the file once anyone works on it), marked as made on
 * this machine, with an audit entry saying where it came from. Nothing is
 * left at `out` if any step fails.
 */
export function saveAsMine(
  received: ReadDb,
  from: string,
  out: string,
  info: ReceivedCase,
  actor: string,
): { path: string } {
  if (existsSync(out)) throw new CustodianError('exists', `${out} already exists; choose a new file name.`);
  const sealDigest = readSeal(received)?.digest ?? null;
  try {
    writeCompactCopy(received, out);
    const db = openCaseFile(out);
    try {
      db.transaction(() => {
        clearSeal(db);
        setMeta(db, MADE_ON_KEY, thisMachine());
        appendAudit(db, actor, 'case.saveAsMine', {
          from,
          sealed: info.sealed,
          digest: sealDigest,
          signer: info.signer && { fingerprint: info.signer.fingerprint, name: info.signer.name },
        });
      }).immediate();
    } finally {
      db.close();
    }
    return { path: out };
  } catch (e) {
    for (const f of [out, `${out}-wal`, `${out}-shm`, `${out}-journal`]) rmSync(f, { force: true });
    throw e;
  }
}
