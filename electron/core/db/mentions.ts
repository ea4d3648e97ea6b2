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

export interface NewMention {
  recordId: number;
  role: MentionRole;
  /** A row of mention_names. */
  nameId: number;
  entityId: number;
  decidedBy: DecidedBy;
}

/**
 * Empties the mentions (and the names they point at) and drops their indexes, so that a full
 * rewrite is one fast append (indexes rebuilt after).
 */
export function beginMentionRewrite(db: WriteDb): void {
  db.prepare('DROP INDEX IF EXISTS mentions_entity').run();
  db.prepare('DROP INDEX IF EXISTS mentions_record').run();
  db.prepare('DELETE FROM mentions').run();
  clearMentionNames(db);
}

export function endMentionRewrite(db: WriteDb): void {
  db.prepare('CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id)').run();
  db.prepare('CREATE UNIQUE INDEX IF NOT EXISTS mentions_record ON mentions(record_id, role)').run();
}

const BATCH = 250;
const insertSql = (rows: number) =>
  `INSERT INTO mentions (record_id, role, name_id, entity_id, decided_by) VALUES ${valuesSql(rows, 5)}`;

/** Inserts mentions a few hundred rows per statement (millions of single-row calls cost more than the writing). Call flush() at the end. */
export function mentionInserter(db: WriteDb): {
  add(m: NewMention): void;
  /** add() without the object (millions of calls). */
  addRow(recordId: number, role: MentionRole, nameId: number, entityId: number, decidedBy: DecidedBy): void;
  flush(): void;
} {
  const rows = batchInserter(db, insertSql, 5, BATCH);
  const addRow = (recordId: number, role: MentionRole, nameId: number, entityId: number, decidedBy: DecidedBy) => {
    rows.values.push(recordId, role, nameId, entityId, decidedBy);
    rows.added();
  };
  return {
    add: (m) => addRow(m.recordId, m.role, m.nameId, m.entityId, m.decidedBy),
    addRow,
    flush: rows.flush,
  };
}

/** (raw name, identifier, country, entity, mentions) of the previous run, to keep entity ids stable across runs. */
export function previousNameEntities(db: ReadDb): [string, string | null, string | null, number, number][] {
  return db
    .prepare(
      `SELECT n.raw_name, n.identifier, n.country, m.entity_id, count(*) FROM mentions m JOIN mention_names n ON n.id = m.name_id
       WHERE m.entity_id IS NOT NULL GROUP BY m.name_id, m.entity_id`,
    )
    .raw(true)
    .all() as [string, string | null, string | null, number, number][];
}

interface MentionDbRow {
  id: number;
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
  id: r.id,
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
    where.push('m.entity_id = ?');
    params.push(filter.entityId);
  }
  if (filter.recordId !== undefined) {
    where.push('m.record_id = ?');
    params.push(filter.recordId);
  }
  const rows = db
    .prepare(
      `SELECT m.id, m.record_id, r.import_id, r.row, m.role, n.raw_name, m.entity_id, n.identifier, n.country, m.decided_by
       FROM mentions m JOIN records r ON r.id = m.record_id JOIN mention_names n ON n.id = m.name_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY m.record_id, m.id LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as MentionDbRow[];
  return rows.map(toMention);
}

/** Distinct (raw name, identifier) of an entity's mentions: one side of a judgement. */
export function entityNameRefs(db: ReadDb, entityId: number): { name: string; identifier: string | null }[] {
  return db
    .prepare(
      'SELECT DISTINCT n.raw_name AS name, n.identifier FROM mentions m JOIN mention_names n ON n.id = m.name_id WHERE m.entity_id = ? ORDER BY n.raw_name',
    )
    .all(entityId) as { name: string; identifier: string | null }[];
}

/** Moves every mention of one entity to another (a manual merge, before the next resolve). */
export function moveMentions(db: WriteDb, from: number, to: number): number {
  return db.prepare("UPDATE mentions SET entity_id = ?, decided_by = 'judgement' WHERE entity_id = ?").run(to, from).changes;
}

/** Moves the mentions of an entity that carry one of the names to another entity (a manual split). */
export function moveMentionsByName(db: WriteDb, from: number, to: number, names: readonly string[]): number {
  const stmt = db.prepare(`UPDATE mentions SET entity_id = ?, decided_by = 'judgement'
     WHERE entity_id = ? AND (SELECT raw_name FROM mention_names WHERE id = name_id) = ?`);
  let n = 0;
  for (const name of names) n += stmt.run(to, from, name).changes;
  return n;
}

export function countMentions(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
}
