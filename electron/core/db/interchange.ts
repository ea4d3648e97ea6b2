/**
 * What an export to other tools reads: the case's sources, its entities'
 * names, and its records with the entity each party was resolved to, all
 * in id order so that an export of the same case is the same file.
 */
import type { ReadDb } from './types';

export interface SourceFile {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export function listSourceFiles(db: ReadDb): SourceFile[] {
  return db
    .prepare('SELECT id, file_name AS fileName, media_type AS mediaType, size, sha256 FROM sources ORDER BY id')
    .all() as SourceFile[];
}

/** Every entity's names, most used first, with the legal form read from each. */
export interface EntityNameRow {
  entityId: number;
  name: string;
  legalForm: string | null;
}

export function allEntityNames(db: ReadDb): EntityNameRow[] {
  return db
    .prepare(
      `SELECT entity_id AS entityId, name, legal_form AS legalForm FROM entity_names
       ORDER BY entity_id, mentions DESC, name`,
    )
    .all() as EntityNameRow[];
}

/** A record as exported: the fields other tools know, its source, and the entity of each party. */
export interface ExportRecord {
  id: number;
  sourceId: number;
  fileName: string;
  row: number;
  date: string | null;
  direction: string | null;
  declarationNo: string | null;
  hsCode: string | null;
  description: string | null;
  valueUsd: number | null;
  originCountry: string | null;
  destinationCountry: string | null;
  tradingCountry: string | null;
  shipperEntity: number | null;
  consigneeEntity: number | null;
}

/** Streams every record in id order; a party's entity is the one its mention names (merges followed by the caller). */
export function* iterateExportRecords(db: ReadDb): Generator<ExportRecord> {
  const stmt = db.prepare(
    `SELECT r.id, i.source_id AS sourceId, s.file_name AS fileName, r.row, r.date, r.direction,
            r.declaration_no AS declarationNo, r.hs_code AS hsCode, r.description, r.value_usd AS valueUsd,
            r.origin_country AS originCountry, r.destination_country AS destinationCountry,
            r.trading_country AS tradingCountry,
            (SELECT n.entity_id FROM mentions m JOIN mention_names n ON n.id = m.name_id
             WHERE m.record_id = r.id AND m.role = 'shipper') AS shipperEntity,
            (SELECT n.entity_id FROM mentions m JOIN mention_names n ON n.id = m.name_id
             WHERE m.record_id = r.id AND m.role = 'consignee') AS consigneeEntity
     FROM records r JOIN imports i ON i.id = r.import_id JOIN sources s ON s.id = i.source_id
     ORDER BY r.id`,
  );
  yield* stmt.iterate() as Iterable<ExportRecord>;
}

export function countAllRecords(db: ReadDb): number {
  return db.prepare('SELECT count(*) FROM records').pluck().get() as number;
}

/** Each entity id (merged away or not) → the active entity it now is. */
export function entitySurvivors(db: ReadDb): Map<number, number> {
  const rows = db.prepare('SELECT id, merged_into FROM entities').raw().all() as [number, number | null][];
  const into = new Map(rows);
  const out = new Map<number, number>();
  for (const [id] of rows) {
    let at = id;
    // Bounded: a chain of merges is never longer than the number of entities.
    for (let hops = 0; into.get(at) != null && hops < rows.length; hops++) at = into.get(at)!;
    out.set(id, at);
  }
  return out;
}
