import type { DecidedBy, MentionRole, MentionRow } from '../../../shared/domain/entities';
import { batchInserter, valuesSql } from './batch-insert';
import { clearMentionNames } from './mention-names';
import type { ReadDb, WriteDb } from './types';

/** The party fields of one record, as the resolver reads them. */
export interface RecordParties {
  id: number;
  declarationNo: string | null;
  shipper: string | null;
  shipperId: string | null;
  shipperCountry: string | null;
  consignee: string | null;
  consigneeId: string | null;
  consigneeCountry: string | null;
  notify: string | null;
  producer: string | null;
}

/** Streams every record's parties in id order (raw arrays keep 1M rows cheap). */
export function* iterateRecordParties(db: ReadDb): Generator<RecordParties> {
  const stmt = db
    .prepare(
      `SELECT id, declaration_no, shipper, shipper_id, shipper_country, consignee, consignee_id, consignee_country, notify, producer
       FROM records ORDER BY id`,
    )
    .raw(true);
  for (const r of stmt.iterate() as Iterable<unknown[]>) {
    yield {
      id: r[0] as number,
      declarationNo: r[1] as string | null,
      shipper: r[2] as string | null,
      shipperId: r[3] as string | null,
      shipperCountry: r[4] as string | null,
      consignee: r[5] as string | null,
      consigneeId: r[6] as string | null,
      consigneeCountry: r[7] as string | null,
      notify: r[8] as string | null,
      producer: r[9] as string | null,
    };
  }
}

/**
 * Empties the mentions (and the names they point at) and drops their indexes, so that a full
 * rewrite is one fast append (indexes rebuilt after).
 */
export function beginMentionRewrite(db: WriteDb): void {
  db.prepare('DROP INDEX IF EXISTS mentions_name').run();
  db.prepare('DROP INDEX IF EXISTS mention_names_entity').run();
  db.prepare('DELETE FROM mentions').run();
  clearMentionNames(db);
}

export function endMentionRewrite(db: WriteDb): void {
  db.prepare('CREATE INDEX IF NOT EXISTS mentions_name ON mentions(name_id)').run();
  db.prepare('CREATE INDEX IF NOT EXISTS mention_names_entity ON mention_names(entity_id)').run();
}

const BATCH = 250;
const insertSql = (rows: number) => `INSERT INTO mentions (record_id, role, name_id) VALUES ${valuesSql(rows, 3)}`;

/** Inserts mentions a few hundred rows per statement (millions of single-row calls cost more than the writing). Call flush() at the end. */
export function mentionInserter(db: WriteDb): { add(recordId: number, role: MentionRole, nameId: number): void; flush(): void } {
  const rows = batchInserter(db, insertSql, 3, BATCH);
  return {
    add(recordId, role, nameId) {
      rows.values.push(recordId, role, nameId);
      rows.added();
    },
    flush: rows.flush,
  };
}

interface MentionDbRow {
  record_id: number;
  import_id: number;
  row: number;
  role: MentionRole;
  raw_name: string;
  entity_id: number | null;
  identifier: string | null;
  country: string | null;
  decided_by: DecidedBy;
}

const toMention = (r: MentionDbRow): MentionRow => ({
  recordId: r.record_id,
  importId: r.import_id,
  row: r.row,
  role: r.role,
  rawName: r.raw_name,
  entityId: r.entity_id,
  identifier: r.identifier,
  country: r.country,
  decidedBy: r.decided_by,
});

export function listMentions(
  db: ReadDb,
  filter: { entityId?: number | undefined; recordId?: number | undefined },
  limit: number,
  offset: number,
): MentionRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.entityId !== undefined) {
    where.push('n.entity_id = ?');
    params.push(filter.entityId);
  }
  if (filter.recordId !== undefined) {
    where.push('m.record_id = ?');
    params.push(filter.recordId);
  }
  const rows = db
    .prepare(
      `SELECT m.record_id, r.import_id, r.row, m.role, n.raw_name, n.entity_id, n.identifier, n.country, n.decided_by
       FROM mentions m JOIN records r ON r.id = m.record_id JOIN mention_names n ON n.id = m.name_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY m.record_id, m.role LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as MentionDbRow[];
  return rows.map(toMention);
}

export function countMentions(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
}
