import { MENTION_ROLES, type DecidedBy, type MentionRole, type MentionRow } from '../../../shared/domain/entities';
import { batchInserter, valuesSql } from './batch-insert';
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

/** The mentions as a resolve wrote them, by number: mention i is record recordId[i], role MENTION_ROLES[role[i]], name nameId[i]. */
export interface MentionColumns {
  recordId: Int32Array;
  role: Uint8Array;
  nameId: Int32Array;
}

const STAGED = 'mentions_next';
/** The name index takes these two names in turn: a staged table's index is built before the old one is dropped. */
const NAME_INDEXES = ['mentions_name', 'mentions_name_b'] as const;
const BATCH = 250;

/**
 * Writes a resolve's mentions into a table of their own, with its index, next to the current ones; a
 * name id of 0 writes no mention. swapInMentions makes them current. Written apart so that a second
 * thread can write them while the resolving thread compares names: the swap is what commits them, in the
 * resolve's own transaction, and a table left by an interrupted run is dropped by the next.
 */
export function stageMentions(db: WriteDb, m: MentionColumns): void {
  db.exec(`DROP TABLE IF EXISTS ${STAGED};
CREATE TABLE ${STAGED} (
  record_id INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role = 'shipper' OR role = 'consignee' OR role = 'notify' OR role = 'producer'),
  name_id INTEGER NOT NULL,
  PRIMARY KEY (record_id, role)
) STRICT, WITHOUT ROWID;`);
  const rows = batchInserter(
    db,
    (n) => `INSERT INTO ${STAGED} (record_id, role, name_id) VALUES ${valuesSql(n, 3)}`,
    3,
    BATCH,
  );
  for (let i = 0; i < m.recordId.length; i++) {
    if (!m.nameId[i]) continue;
    rows.values.push(m.recordId[i]!, MENTION_ROLES[m.role[i]!]!, m.nameId[i]!);
    rows.added();
  }
  rows.flush();
  const current = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions' AND name IN (?, ?)")
    .pluck()
    .get(...NAME_INDEXES);
  const next = current === NAME_INDEXES[0] ? NAME_INDEXES[1] : NAME_INDEXES[0];
  db.exec(`DROP INDEX IF EXISTS ${next}; CREATE INDEX ${next} ON ${STAGED}(name_id)`);
}

/** Replaces the mentions with the staged ones (see stageMentions), but for those with a name in `unnamed`. */
export function swapInMentions(db: WriteDb, unnamed: readonly number[]): void {
  const drop = db.prepare(`DELETE FROM ${STAGED} WHERE name_id = ?`);
  for (const id of unnamed) drop.run(id);
  db.exec(`DROP TABLE mentions; ALTER TABLE ${STAGED} RENAME TO mentions;`);
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

/** Which entity each party of the given records was resolved to (parties not resolved left out). */
export function recordPartyEntities(
  db: ReadDb,
  recordIds: readonly number[],
): { recordId: number; role: string; entityId: number }[] {
  return db
    .prepare(
      `SELECT m.record_id AS recordId, m.role, n.entity_id AS entityId
       FROM mentions m JOIN mention_names n ON n.id = m.name_id
       WHERE m.record_id IN (SELECT value FROM json_each(?)) AND n.entity_id IS NOT NULL`,
    )
    .all(JSON.stringify(recordIds)) as { recordId: number; role: string; entityId: number }[];
}

export function countMentions(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
}
