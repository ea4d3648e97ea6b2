import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportOptions } from '../../../shared/api/records';
import type { ImportSummary, Mapping } from '../../../shared/domain/records';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { findImportBySha, finishImport, insertImport, rejectInserter, sourceOfSizeExists } from '../db/imports';
import { recordInserter, recordValuesAt } from '../db/records';
import { insertSource, setSourceHash } from '../db/sources';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { HASH, RowHashes } from './dedupe';
import { keepOriginal, sha256File } from './keep-original';
import { resolveMapping } from './mapping';
import { compileNormalizer } from './normalize/row';
import { rebuildRaw } from './raw-row';
import { MEDIA_TYPES, readTable } from './read-table';
import { fileFacts, detectFormat, SUMMARY_ROW, type ReadRow, type TableInfo } from './table-source';

/** Connections with an import in flight: an import holds the write transaction across awaits. */
const busy = new WeakSet<WriteDb>();

export interface ImportRunOptions {
  control?: JobControl | undefined;
  /** Read and check everything, then roll back: what the import would do (the wizard's validation). */
  dryRun?: boolean;
}

/**
 * Imports one customs file into the case as ONE transaction: its source,
 * the import batch, every record with its raw row, every reject and the
 * audit entry land together or not at all, so a cancel, an error or a
 * killed process leaves the case as it was. The file is streamed; memory
 * does not grow with its size (only a 64-bit hash per row, for duplicates).
 */
export async function importFile(
  db: WriteDb,
  options: ImportOptions,
  actor: string,
  run: ImportRunOptions = {},
): Promise<ImportSummary> {
  const { control, dryRun = false } = run;
  const facts = fileFacts(options.path);
  const format = detectFormat(options.path, facts.head);
  // A same-SHA file must have the same size: hash up front only when one could match.
  let sha256: string | null = null;
  if (format === 'xlsx' || sourceOfSizeExists(db, facts.size)) {
    sha256 = await sha256File(options.path);
    const earlier = findImportBySha(db, sha256);
    if (earlier) return alreadyImported(earlier.id, earlier.encoding, sha256);
  }
  if (busy.has(db)) throw new CustodianError('busy', 'Another import is running in this case; wait for it to finish.');
  busy.add(db);
  const hasher = sha256 ? null : createHash('sha256');
  const counts = { rowsRead: 0, rowsImported: 0, rowsRejected: 0, duplicates: 0, rowsFlagged: 0, replacementChars: 0, warnings: [] as string[] };
  let importId = 0;
  let sourceId = 0;
  let presetName: string | null = null;
  let lastProgress = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    let onRow: (r: ReadRow) => void = () => {};
    const info: TableInfo = await readTable(
      options.path,
      { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet },
      {
        header(info) {
          const resolved = resolveMapping(db, options, info.columns);
          presetName = resolved.preset;
          counts.warnings.push(...resolved.warnings);
          const now = new Date().toISOString();
          sourceId = insertSource(db, {
            fileName: options.fileName ?? basename(options.path),
            mediaType: MEDIA_TYPES[info.format],
            size: facts.size,
            sha256: sha256 ?? '',
            importedAt: now,
            importedBy: actor,
            note: '',
          });
          importId = insertImport(db, {
            sourceId,
            preset: resolved.preset,
            mapping: resolved.mapping,
            columns: info.columns,
            format: info.format,
            encoding: info.encoding,
            delimiter: info.delimiter,
            startedAt: now,
          });
          onRow = rowHandler(db, importId, info, resolved.mapping, counts);
        },
        row: (r) => onRow(r),
        bytes: hasher ? (chunk) => hasher.update(chunk) : undefined,
        chunk(done, total) {
          if (control?.signal.aborted) throw new CustodianError('cancelled', 'The import was cancelled; nothing was changed.');
          const now = Date.now();
          if (control && now - lastProgress >= 250) {
            lastProgress = now;
            control.progress(total ? done / total : null, `${counts.rowsRead.toLocaleString('en')} rows read`);
          }
        },
      },
      facts,
    );
    counts.replacementChars = info.replacementChars;
    counts.warnings.push(...info.warnings);
    if (info.replacementChars) {
      counts.warnings.push(
        `Decoding as ${info.encoding} produced ${info.replacementChars} replacement character(s) (�): the encoding may be wrong; try --encoding.`,
      );
    }
    if (!sha256) {
      // Hashed while reading: only now can a re-import of the same bytes be told apart.
      sha256 = hasher!.digest('hex');
      const earlier = findImportBySha(db, sha256);
      if (earlier && earlier.id !== importId) {
        db.exec('ROLLBACK');
        return alreadyImported(earlier.id, earlier.encoding, sha256);
      }
    }
    const original = dryRun ? { blobSha256: null, note: '' } : keepOriginal(db, options.path, facts.size);
    setSourceHash(db, sourceId, sha256, original.blobSha256, original.note);
    finishImport(db, importId, counts);
    appendAudit(db, actor, 'import.run', { importId, file: basename(options.path), sha256, preset: presetName, ...counts });
    if (dryRun) db.exec('ROLLBACK');
    else {
      control?.progress(1, 'Saving…');
      db.exec('COMMIT');
    }
    return { importId: dryRun ? 0 : importId, ...counts, alreadyImported: false, encoding: info.encoding };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    busy.delete(db);
  }
}

function alreadyImported(importId: number, encoding: string, sha256: string): ImportSummary {
  return {
    importId,
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    duplicates: 0,
    rowsFlagged: 0,
    alreadyImported: true,
    encoding,
    replacementChars: 0,
    warnings: [`This file (SHA-256 ${sha256}) was already imported as import ${importId}; nothing was added.`],
  };
}

type Counts = { rowsRead: number; rowsImported: number; rowsRejected: number; duplicates: number; rowsFlagged: number };

/**
 * Decides each row's fate: unreadable, wrong field count or a summary line
 * → rejects (row, reason, raw text); an exact repeat of an earlier row →
 * counted as a duplicate and listed with the row it repeats; everything
 * else → a record, flagged where a value looked wrong.
 */
function rowHandler(db: WriteDb, importId: number, info: TableInfo, mapping: Mapping, counts: Counts): (r: ReadRow) => void {
  const width = info.columns.length;
  const normalize = compileNormalizer(info.columns, mapping);
  const insert = recordInserter(db, importId);
  const reject = rejectInserter(db, importId);
  const seen = new RowHashes();
  return (r) => {
    counts.rowsRead++;
    let reason = r.problem;
    if (!reason && r.fields.length !== width) reason = `expected ${width} fields, found ${r.fields.length}`;
    if (!reason) {
      const first = r.fields.find((f) => f.trim() !== '');
      if (first !== undefined && SUMMARY_ROW.test(first.trim())) reason = 'a summary (TOTAL) line, not a record';
    }
    if (reason) {
      reject({ row: r.row, reason, raw: r.rawText() });
      counts.rowsRejected++;
      return;
    }
    const h1 = HASH[0]!;
    const h2 = HASH[1]!;
    const earlier = seen.find(h1, h2);
    if (earlier) {
      // A hash match is only a candidate: compare with the earlier row's values as read.
      const prev = recordValuesAt(db, importId, earlier);
      if (prev && sameFields(rebuildRaw(prev.values, prev.raw, info.columns, mapping), r.fields)) {
        reject({ row: r.row, reason: `duplicate of row ${earlier}`, raw: r.rawText(), duplicateOf: earlier });
        counts.duplicates++;
        return;
      }
    }
    const { values, flags, rawDelta } = normalize(r.fields);
    if (info.replacementChars && r.fields.some((f) => f.includes('\uFFFD'))) flags.push('encoding_replacement');
    insert({ row: r.row, values, flags, raw: rawDelta });
    if (!earlier) seen.add(h1, h2, r.row);
    counts.rowsImported++;
    if (flags.length) counts.rowsFlagged++;
  };
}

function sameFields(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
