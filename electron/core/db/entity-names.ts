/**
 * The names each entity is written under, with how often (entity_names): what the entity list searches and shows.
 * Each name is also in entity_names_fts (rowid = the name's rowid, CJK runs as bigrams, as in the records index),
 * kept in step here by every function that writes names: a case file carries no triggers.
 */
import type { EntityName } from '../../../shared/domain/entities';
import { batchInserter, valuesSql } from './batch-insert';
import { cjkBigrams, foldForIndex, foldForIndexSql, mayHaveCjk } from './records-fts';
import type { ReadDb, WriteDb } from './types';

export function clearEntityNames(db: WriteDb): void {
  db.prepare('DELETE FROM entity_names').run();
  db.prepare("INSERT INTO entity_names_fts (entity_names_fts) VALUES ('delete-all')").run();
}

/** Indexes one name, found by its key (REPLACE: a name written again keeps its rowid and its entry). */
const indexNameSql = `INSERT OR REPLACE INTO entity_names_fts (rowid, name, cjk)
  SELECT rowid, ?, ? FROM entity_names WHERE entity_id = ? AND name = ?`;

export function entityNameInserter(db: WriteDb): (entityId: number, n: EntityName) => void {
  const stmt = db.prepare(
    'INSERT INTO entity_names (entity_id, name, scripts, legal_form, mentions) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions',
  );
  const index = db.prepare(indexNameSql);
  return (entityId, n) => {
    stmt.run(entityId, n.name, JSON.stringify(n.scripts), n.legalForm, n.mentions);
    index.run(foldForIndex(n.name), cjkBigrams([n.name], [0]) || null, entityId, n.name);
  };
}

const NAME_BATCH = 200;
const namesSql = (rows: number) =>
  `INSERT INTO entity_names (entity_id, name, scripts, legal_form, mentions) VALUES ${valuesSql(rows, 5)}
   ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions`;

/**
 * entityNameInserter for a whole resolve (400k names at 1M records): a few hundred rows per statement, and
 * the new names indexed in one statement at flush() (the few with CJK runs one by one, for their bigrams).
 * Call flush() at the end.
 */
export function entityNameBatchInserter(db: WriteDb): { add(entityId: number, n: EntityName): void; flush(): void } {
  const rows = batchInserter(db, namesSql, 5, NAME_BATCH);
  const maxRowid = db.prepare('SELECT coalesce(max(rowid), 0) FROM entity_names').pluck();
  let indexedUpTo = maxRowid.get() as number;
  let cjk: [number, string][] = [];
  return {
    add(entityId, n) {
      rows.values.push(entityId, n.name, JSON.stringify(n.scripts), n.legalForm, n.mentions);
      rows.added();
      if (mayHaveCjk(n.name)) cjk.push([entityId, n.name]);
    },
    flush() {
      rows.flush();
      db.prepare(
        `INSERT INTO entity_names_fts (rowid, name) SELECT rowid, ${foldForIndexSql('name')} FROM entity_names WHERE rowid > ?`,
      ).run(indexedUpTo);
      const index = db.prepare(indexNameSql);
      for (const [entityId, name] of cjk)
        index.run(foldForIndex(name), cjkBigrams([name], [0]) || null, entityId, name);
      cjk = [];
      indexedUpTo = maxRowid.get() as number;
    },
  };
}

/** Writes an entity's names as given, in place of those it has (an undone merge or split). */
export function replaceEntityNames(db: WriteDb, entityId: number, names: readonly EntityName[]): void {
  deleteEntityNames(db, entityId);
  const insert = entityNameInserter(db);
  for (const n of names) insert(entityId, n);
}

export function deleteEntityNames(db: WriteDb, entityId: number): void {
  db.prepare('DELETE FROM entity_names_fts WHERE rowid IN (SELECT rowid FROM entity_names WHERE entity_id = ?)').run(
    entityId,
  );
  db.prepare('DELETE FROM entity_names WHERE entity_id = ?').run(entityId);
}

export function getEntityNames(db: ReadDb, entityId: number): EntityName[] {
  const rows = db
    .prepare(
      'SELECT name, scripts, legal_form, mentions FROM entity_names WHERE entity_id = ? ORDER BY mentions DESC, name',
    )
    .all(entityId) as { name: string; scripts: string; legal_form: string | null; mentions: number }[];
  return rows.map((r) => ({
    name: r.name,
    scripts: JSON.parse(r.scripts) as string[],
    legalForm: r.legal_form,
    mentions: r.mentions,
  }));
}

/** The entities (active or not) with a name the FTS5 query (search/fts-match.ts) matches. */
export function entitiesByName(db: ReadDb, match: string): number[] {
  return db
    .prepare(
      'SELECT DISTINCT n.entity_id FROM entity_names_fts f JOIN entity_names n ON n.rowid = f.rowid WHERE entity_names_fts MATCH ?',
    )
    .pluck()
    .all(match) as number[];
}

/**
 * The names the FTS5 query matches, best first (bm25), at most `limit`, with their entity (active or not);
 * null when more than `atMost` names match (ranking them all would cost more than it tells).
 */
export function namesMatching(
  db: ReadDb,
  match: string,
  limit: number,
  atMost: number,
): { entityId: number; name: string }[] | null {
  const many = db
    .prepare('SELECT count(*) FROM (SELECT 1 FROM entity_names_fts WHERE entity_names_fts MATCH ? LIMIT ?)')
    .pluck();
  if ((many.get(match, atMost + 1) as number) > atMost) return null;
  return db
    .prepare(
      `SELECT n.entity_id AS entityId, n.name FROM
         (SELECT rowid, rank FROM entity_names_fts WHERE entity_names_fts MATCH ? ORDER BY rank LIMIT ?) f
       JOIN entity_names n ON n.rowid = f.rowid ORDER BY f.rank`,
    )
    .all(match, limit) as { entityId: number; name: string }[];
}
