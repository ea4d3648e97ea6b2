import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ExportResult } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { getMeta } from '../db/case-meta';
import { openExportCopy, vacuum, writeCompactCopy } from '../db/connection';
import { clearSeal } from '../db/exchange-seal';
import { clearMerges } from '../db/merges';
import { mergeIndexes } from '../db/redaction';
import type { ReadDb, WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import type { SigningKey } from './identity';
import { redactToDiagrams } from './redact';
import { sealCopy } from './seal';

export interface ExportOptions {
  out: string;
  onlyDiagrams: number[];
  key: SigningKey;
  actor: string;
}

/**
 * Writes a case for a colleague: a compact copy (VACUUM INTO, so deleted
 * rows and free pages stay behind), redacted to chosen diagrams when asked
 * (redact.ts), its full-text indexes merged (so that words of deleted rows
 * go), VACUUM again (so that nothing removed stays in free pages), an audit
 * entry saying what was exported, and the seal (seal.ts).
 * All of it happens in a file beside the target, renamed into place only
 * when sealed: a failed or cancelled export leaves no file behind.
 */
export function exportCase(source: ReadDb, opts: ExportOptions, control?: JobControl): ExportResult {
  const { out, onlyDiagrams, key, actor } = opts;
  if (existsSync(out)) throw new CustodianError('exists', `${out} already exists; choose a new file name.`);
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`);
  let copy: WriteDb | undefined;
  try {
    control?.progress(0, 'Copying the case');
    writeCompactCopy(source, tmp);
    copy = openExportCopy(tmp);
    const db = copy;
    const kept = db
      .transaction(() => {
        clearSeal(db);
        clearMerges(db);
        const k = onlyDiagrams.length ? redactToDiagrams(db, onlyDiagrams) : undefined;
        mergeIndexes(db);
        appendAudit(db, actor, 'exchange.export', {
          caseId: getMeta(db, 'case_id'),
          signer: key.identity.fingerprint,
          ...(k ? { redacted: true, kept: k } : { redacted: false }),
        });
        return k;
      })
      .immediate();
    // Again: what redaction cut and what the index merge freed must not stay in free pages.
    control?.progress(0.05, 'Compacting the copy');
    vacuum(db);
    if (control?.signal.aborted)
      throw new CustodianError('cancelled', 'The export was cancelled; no file was written.');
    const sealing: JobControl | undefined = control && {
      ...control,
      progress: (p, message) => control.progress(0.1 + 0.9 * (p ?? 0), message),
    };
    const seal = sealCopy(db, key, actor, sealing);
    db.close();
    copy = undefined;
    if (existsSync(out)) throw new CustodianError('exists', `${out} appeared while exporting; choose a new file name.`);
    renameSync(tmp, out);
    return { path: out, digest: seal.digest, fingerprint: key.identity.fingerprint, ...(kept ? { kept } : {}) };
  } finally {
    copy?.close();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
  }
}
