import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { CustodianError } from '../../../shared/result';
import { LATEST_SCHEMA_VERSION } from './migrations';

/** `PRAGMA application_id` of every Custodian case file: 'CUST'. */
export const CUSTODIAN_APPLICATION_ID = 0x43555354;

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface CaseHeader {
  applicationId: number;
  userVersion: number;
}

/**
 * Reads the SQLite header straight from the file's bytes, so that a file
 * that is not ours is refused before SQLite ever opens it (and so can never
 * be changed by us: no journal, no WAL, no schema upgrade).
 */
export function readCaseHeader(path: string): CaseHeader {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CustodianError('not_a_case', `${path} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof CustodianError) throw e;
    throw new CustodianError('not_found', `Case file ${path} does not exist.`);
  }
  if (size < 100) {
    throw new CustodianError('not_a_case', `${path} is not a Custodian case file (it is not an SQLite database).`);
  }
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new CustodianError('not_a_case', `${path} is not a Custodian case file (it is not an SQLite database).`);
  }
  return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}

/** Throws a one-sentence CustodianError unless the header is a case this version can open. */
export function assertOpenableHeader(path: string, header: CaseHeader): void {
  if (header.applicationId !== CUSTODIAN_APPLICATION_ID) {
    throw new CustodianError(
      'not_a_case',
      `${path} is an SQLite database of another application, not a Custodian case file.`,
    );
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    throw new CustodianError(
      'from_the_future',
      `${path} was written by a newer version of Custodian (schema ${header.userVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}): update Custodian to open it.`,
    );
  }
}
