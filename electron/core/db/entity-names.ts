/** The names each entity is written under, with how often (entity_names): what the entity list searches and shows. */
import type { EntityName } from '../../../shared/domain/entities';
import { batchInserter, valuesSql } from './batch-insert';
import type { ReadDb, WriteDb } from './types';

export function clearEntityNames(db: WriteDb): void {
  db.prepare('DELETE FROM entity_names').run();
}

export function entityNameInserter(db: WriteDb): (entityId: number, n: EntityName) => void {
  const stmt = db.prepare(
    'INSERT INTO entity_names (entity_id, name, scripts, legal_form, mentions) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions',
  );
  return (entityId, n) => void stmt.run(entityId, n.name, JSON.stringify(n.scripts), n.legalForm, n.mentions);
}

const NAME_BATCH = 200;
const namesSql = (rows: number) =>
  `INSERT INTO entity_names (entity_id, name, scripts, legal_form, mentions) VALUES ${valuesSql(rows, 5)}
   ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions`;

/** entityNameInserter for a whole resolve (400k names at 1M records): a few hundred rows per statement. Call flush() at the end. */
export function entityNameBatchInserter(db: WriteDb): { add(entityId: number, n: EntityName): void; flush(): void } {
  const rows = batchInserter(db, namesSql, 5, NAME_BATCH);
  return {
    add(entityId, n) {
      rows.values.push(entityId, n.name, JSON.stringify(n.scripts), n.legalForm, n.mentions);
      rows.added();
    },
    flush: rows.flush,
  };
}

/** Writes an entity's names as given, in place of those it has (an undone merge or split). */
export function replaceEntityNames(db: WriteDb, entityId: number, names: readonly EntityName[]): void {
  deleteEntityNames(db, entityId);
  const insert = entityNameInserter(db);
  for (const n of names) insert(entityId, n);
}

export function deleteEntityNames(db: WriteDb, entityId: number): void {
  db.prepare('DELETE FROM entity_names WHERE entity_id = ?').run(entityId);
}

export function getEntityNames(db: ReadDb, entityId: number): EntityName[] {
  const rows = db
    .prepare('SELECT name, scripts, legal_form, mentions FROM entity_names WHERE entity_id = ? ORDER BY mentions DESC, name')
    .all(entityId) as { name: string; scripts: string; legal_form: string | null; mentions: number }[];
  return rows.map((r) => ({ name: r.name, scripts: JSON.parse(r.scripts) as string[], legalForm: r.legal_form, mentions: r.mentions }));
}
