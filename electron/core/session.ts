import { userInfo } from 'node:os';
import type { CaseInfo, ReceivedCase } from '../../shared/api/case';
import { CustodianError } from '../../shared/result';
import { getMeta, setMeta } from './db/case-meta';
import { appendAudit } from './db/audit-log';
import { countEntities } from './db/entities';
import { countDocuments } from './db/documents';
import { countImports } from './db/imports';
import { schemaVersion } from './db/migrations';
import { countRecords } from './db/records';
import { createCaseFile, openCaseFile } from './db/connection';
import { openReceivedFile } from './db/safe-open';
import { describeReceived, MADE_ON_KEY, receivedKind, thisMachine } from './exchange/received';
import { ensureSearchWords, updateSearchWords } from './search/search-words';
import type { WriteDb } from './db/types';
import { randomUUID } from 'node:crypto';

/** Who is acting: the OS account, unless the app is told otherwise. */
export function defaultActor(): string {
  try {
    return process.env.CUSTODIAN_ACTOR || userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * One open case: its path and its connection. A received file (see
 * exchange/received.ts) is held on a read-only connection that refuses
 * every write (`received` says where it came from); dispatch refuses the
 * methods that would write before they reach it.
 */
export class CaseSession {
  private constructor(
    readonly path: string,
    readonly db: WriteDb,
    readonly received: ReceivedCase | null = null,
  ) {}

  static create(path: string, title: string, actor: string): CaseSession {
    const db = createCaseFile(path);
    db.transaction(() => {
      setMeta(db, 'title', title);
      setMeta(db, 'case_id', randomUUID());
      setMeta(db, 'created_at', new Date().toISOString());
      setMeta(db, 'created_by', actor);
      setMeta(db, MADE_ON_KEY, thisMachine());
      // Stamped now (no words yet), so that merely opening the case later never writes to it.
      updateSearchWords(db);
      appendAudit(db, actor, 'case.create', { title });
    }).immediate();
    return new CaseSession(path, db);
  }

  static open(path: string): CaseSession {
    const db = openCaseFile(path);
    try {
      ensureSearchWords(db);
    } catch (e) {
      db.close();
      throw e;
    }
    return new CaseSession(path, db);
  }

  /**
   * Opens a case as what it is: one's own for writing, a received one
   * (sealed, or made on another machine) through safe open, read-only.
   */
  static openAny(path: string, appDataDir: string): CaseSession {
    const kind = receivedKind(path);
    if (!kind) return CaseSession.open(path);
    const db = openReceivedFile(path);
    try {
      // The read-only connection refuses writes itself; the type stays WriteDb so handlers need not know.
      return new CaseSession(path, db as WriteDb, describeReceived(db, kind, appDataDir));
    } catch (e) {
      db.close();
      throw e;
    }
  }

  info(): CaseInfo {
    const count = (counter: (db: WriteDb) => number): number => {
      try {
        return counter(this.db);
      } catch {
        return 0; // the table arrives with a later migration
      }
    };
    return {
      path: this.path,
      title: getMeta(this.db, 'title') ?? '',
      caseId: getMeta(this.db, 'case_id') ?? '',
      createdAt: getMeta(this.db, 'created_at') ?? '',
      schemaVersion: schemaVersion(this.db),
      readOnly: this.received !== null,
      received: this.received,
      counts: {
        records: count((db) => countRecords(db, {})),
        imports: count(countImports),
        documents: count(countDocuments),
        entities: count((db) => countEntities(db, undefined)),
      },
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function requireSession(session: CaseSession | null): CaseSession {
  if (!session) throw new CustodianError('no_case', 'No case is open.');
  return session;
}
