import type { ReadDb, WriteDb } from '../types';
import type { Migration } from './types';
import { m0010 } from './0010-foundation';
import { m0030 } from './0030-documents';
import { m0040 } from './0040-entities';
import { m0050 } from './0050-records-fts-columnsize';
import { m0060 } from './0060-mention-names';
import { m0070 } from './0070-entity-per-name';
import { m0080 } from './0080-judgement-effects';
import { m0090 } from './0090-search-across-scripts';
import { m0100 } from './0100-diagrams';
import { m0110 } from './0110-sanctions-lists';
import { m0130 } from './0130-briefs';
import { m0140 } from './0140-exchange-seal';
import { m0170 } from './0170-import-blank-rows';
import { m0180 } from './0180-merges';
import { m0190 } from './0190-brief-date';
import { m0210 } from './0210-diagram-name-script';
import { m0240 } from './0240-records-shipment-facts';

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  m0010,
  m0030,
  m0040,
  m0050,
  m0060,
  m0070,
  m0080,
  m0090,
  m0100,
  m0110,
  m0130,
  m0140,
  m0170,
  m0180,
  m0190,
  m0210,
  m0240,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The schema version a case is at (its user_version). */
export function schemaVersion(db: ReadDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations newer than the file's user_version, all in one transaction. */
export function migrate(db: WriteDb): void {
  const current = schemaVersion(db);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}
