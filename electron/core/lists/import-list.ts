import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ListColumnMapping, ListFormat, ListImportSummary } from '../../../shared/domain/screening';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { beginImmediate, type HeldTransaction } from '../db/held-transaction';
import { countEntries, countEntriesNotIn, entryWriter, orphanValues } from '../db/sanction-entries';
import {
  addVersionFile,
  findListByName,
  findVersionBySha,
  insertList,
  insertVersion,
  previousVersionId,
  setVersionEntries,
} from '../db/sanction-lists';
import { insertSource } from '../db/sources';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { keepOriginal, sha256File } from '../import/write/keep-original';
import { listFormat, listItems, listFiles } from './list-formats';

export interface ListImportOptions {
  paths: string[];
  format?: ListFormat | undefined;
  name?: string | undefined;
  authority?: string | undefined;
  /** YYYY-MM-DD: the date the list was published as. Default: the main file's modification date. */
  asOf?: string | undefined;
  mapping?: ListColumnMapping | undefined;
  /** Names to record for the files (an upload's temporary path hides the real one). */
  fileNames?: string[] | undefined;
}

const MEDIA: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
};

/**
 * Imports one version of a sanctions list as ONE transaction: the list (made
 * on first import), the version with its as-of date, its files as sources
 * with their bytes kept as evidence, every entry and fact, and the audit
 * entry land together or not at all. A file that cannot be read (a wrong
 * column count, a broken JSON line) stops the import with its file, line
 * and reason, and nothing of it is kept. The files are streamed: memory
 * does not grow with their size. The same files imported again for the
 * same list add nothing; a newer version is added beside the old ones,
 * which stay for the screenings made against them.
 */
export async function importList(
  db: WriteDb,
  options: ListImportOptions,
  actor: string,
  control?: JobControl,
): Promise<ListImportSummary> {
  if (!options.paths.length) throw new CustodianError('invalid_input', 'Give at least one list file.');
  const format = options.format ?? listFormat(options.paths);
  const files = listFiles(format, options.paths);
  const main = files[0]!;
  const displayName = (path: string) => options.fileNames?.[options.paths.indexOf(path)] ?? basename(path);
  const asOf = options.asOf ?? statSync(main.path).mtime.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new CustodianError('invalid_input', `The as-of date ${asOf} is not a date (YYYY-MM-DD).`);
  const defaults = DEFAULTS[format](displayName(main.path));
  const name = options.name?.trim() || defaults.name;
  const hashes = await Promise.all(files.map((f) => sha256File(f.path)));
  let transaction: HeldTransaction | null = beginImmediate(db);
  try {
    const existing = findListByName(db, name);
    const listId =
      existing?.id ?? insertList(db, { name, authority: options.authority?.trim() || defaults.authority, format });
    const earlier = findVersionBySha(db, listId, hashes[0]!);
    if (earlier) {
      transaction.rollback();
      transaction = null;
      const entries = earlier.entries;
      return { listId, versionId: earlier.id, entries, added: 0, removed: 0, alreadyImported: true, warnings: [] };
    }
    const versionId = insertVersion(db, { listId, asOf, sha256: hashes[0]!, importedBy: actor });
    const now = new Date().toISOString();
    files.forEach((f, i) => {
      const size = statSync(f.path).size;
      const kept = keepOriginal(db, f.path, size);
      const sourceId = insertSource(db, {
        fileName: displayName(f.path),
        mediaType: MEDIA[extname(f.path).toLowerCase()] ?? 'text/plain',
        size,
        sha256: hashes[i]!,
        blobSha256: kept.blobSha256,
        importedAt: now,
        importedBy: actor,
        note: kept.note || `Sanctions list ${name} as of ${asOf} (${f.role}).`,
      });
      addVersionFile(db, versionId, sourceId, f.role);
    });
    const write = entryWriter(db, versionId);
    let items = 0;
    const read = { bytes: 0 };
    const totalBytes = files.reduce((sum, f) => sum + statSync(f.path).size, 0);
    for await (const item of listItems(format, files, options.mapping ?? null, read)) {
      if (item.type === 'entry') {
        try {
          write.entry(item.externalId, item.kind, item.name, item.line);
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
          throw new CustodianError(
            'invalid_file',
            `${displayName(main.path)}, line ${item.line}: entry id ${item.externalId} appears twice`,
          );
        }
      } else write.value(item.externalId, item.field, item.value);
      if (++items % 5000 === 0) {
        if (control?.signal.aborted)
          throw new CustodianError('cancelled', 'The list import was cancelled; nothing was changed.');
        control?.progress(
          Math.min(1, read.bytes / Math.max(1, totalBytes)),
          `${items.toLocaleString('en')} entries and facts read`,
        );
      }
    }
    const entries = countEntries(db, versionId);
    if (entries === 0) throw new CustodianError('invalid_file', `${displayName(main.path)} holds no list entries.`);
    setVersionEntries(db, versionId, entries);
    const warnings = orphanValues(db, versionId).map(
      (o) => `${o.count} ${o.field} value(s) point at entry ${o.externalId}, which the list does not have.`,
    );
    const previous = previousVersionId(db, versionId);
    const added = countEntriesNotIn(db, versionId, previous);
    const removed = previous === null ? 0 : countEntriesNotIn(db, previous, versionId);
    appendAudit(db, actor, 'lists.import', {
      listId,
      versionId,
      name,
      asOf,
      format,
      sha256: hashes[0],
      entries,
      added,
      removed,
    });
    transaction.commit();
    transaction = null;
    return { listId, versionId, entries, added, removed, alreadyImported: false, warnings };
  } finally {
    transaction?.rollback();
  }
}

const DEFAULTS: Record<ListFormat, (file: string) => { name: string; authority: string }> = {
  ofac: (file) => ({
    name: file.toLowerCase().startsWith('cons') ? 'OFAC Consolidated (non-SDN)' : 'OFAC SDN',
    authority: 'US Treasury OFAC',
  }),
  ftm: (file) => ({ name: `OpenSanctions ${file.replace(/\.(json|jsonl|ndjson)$/i, '')}`, authority: 'OpenSanctions' }),
  'opensanctions-csv': (file) => ({ name: `OpenSanctions ${file.replace(/\.csv$/i, '')}`, authority: 'OpenSanctions' }),
  csv: (file) => ({ name: file.replace(/\.[^.]+$/, ''), authority: 'Unknown' }),
};
