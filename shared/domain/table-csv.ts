import type { AuditEntry } from '../api/case';
import type { CsvValue } from './csv';
import type { EntitySummary } from './entities';
import { RECORD_FIELDS, type CustomsRecord } from './records';

/**
 * The columns of each table view's CSV export, the same from the core (a
 * file on disk) and from the browser (a download). Field names head the
 * columns, so a script reading the file meets the names of the API.
 */
export const RECORDS_CSV_HEADER = ['id', 'import_id', 'row', ...RECORD_FIELDS, 'hs6', 'flags'] as const;

export function recordCsvRow(r: CustomsRecord): CsvValue[] {
  return [r.id, r.importId, r.row, ...RECORD_FIELDS.map((f) => r[f]), r.hs6, r.flags.join(' ')];
}

export const ENTITIES_CSV_HEADER = ['id', 'name', 'country', 'mentions', 'identifiers', 'aliases'] as const;

/** Several identifiers or aliases share a cell, one per line (a name may hold a comma or a semicolon). */
export function entityCsvRow(e: EntitySummary): CsvValue[] {
  return [e.id, e.name, e.country, e.mentions, e.identifiers.join('\n'), e.aliases.join('\n')];
}

export const AUDIT_CSV_HEADER = ['seq', 'at', 'actor', 'action', 'detail', 'hash'] as const;

export function auditCsvRow(e: AuditEntry): CsvValue[] {
  return [e.seq, e.at, e.actor, e.action, JSON.stringify(e.detail), e.hash];
}
