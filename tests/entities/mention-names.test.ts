// Mentions point at distinct names (migrations 0060, 0070): one row per name as written, identifier and country,
// which carries the entity all its mentions are in.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrations';
import { m0010 } from '../../electron/core/db/migrations/0010-foundation';
import { m0030 } from '../../electron/core/db/migrations/0030-documents';
import { m0040 } from '../../electron/core/db/migrations/0040-entities';
import type { WriteDb } from '../../electron/core/db/types';
import { analyzeName } from '../../shared/names';
import { must, SAMPLES, tempCase, tempDir } from '../helpers/temp';

describe('mention names', () => {
  it('a resolve writes each distinct name once and every mention points at one', async () => {
    const { core, path } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const mentions = await must(core, 'mentions.list', { limit: 1_000_000 });
    expect(mentions.length).toBeGreaterThan(1000);
    const db = new Database(path, { readonly: true });
    let rows = 0;
    try {
      const names = db.prepare('SELECT raw_name, identifier, country FROM mention_names').all() as {
        raw_name: string;
        identifier: string | null;
        country: string | null;
      }[];
      const key = (raw: string, id: string | null, c: string | null) => JSON.stringify([raw, id, c]);
      const distinct = new Set(mentions.map((m) => key(m.rawName, m.identifier, m.country)));
      // Every name once, but for a cut-short name read within a declaration: one row per declaration.
      const seen = new Set<string>();
      const repeated = names.filter((n) => seen.size === seen.add(key(n.raw_name, n.identifier, n.country)).size);
      expect(seen.size).toBe(distinct.size);
      expect(repeated.length).toBeGreaterThan(0);
      expect(repeated.filter((n) => !analyzeName(n.raw_name).maybeTruncated)).toEqual([]);
      const orphans = db
        .prepare(
          'SELECT count(*) AS n FROM mentions m LEFT JOIN mention_names n ON n.id = m.name_id WHERE n.id IS NULL',
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      rows = names.length;
    } finally {
      db.close();
    }
    // A second resolve rewrites the names rather than adding to them.
    await must(core, 'entities.resolve', {});
    const again = new Database(path, { readonly: true });
    try {
      const n = (again.prepare('SELECT count(*) AS n FROM mention_names').get() as { n: number }).n;
      expect(n).toBe(rows);
    } finally {
      again.close();
    }
  });

  it('migrating a case carries its mentions over to names, and their entities to the names', () => {
    const db = new Database(join(tempDir(), 'old.case')) as unknown as WriteDb;
    for (const m of [m0010, m0030, m0040]) db.exec(m.sql);
    db.pragma('user_version = 40');
    const now = new Date().toISOString();
    db.prepare("INSERT INTO entities (id, name, created_at, updated_at) VALUES (7, 'Ромашка', ?, ?)").run(now, now);
    const old = [
      [1, 10, 'shipper', 'ООО «Ромашка»', null, 'RU', 7, 'auto'],
      [2, 11, 'shipper', 'ООО «Ромашка»', null, 'RU', 7, 'auto'],
      [3, 11, 'consignee', 'ООО «Ромашка»', '7701234567', null, 7, 'identifier'],
      [4, 12, 'producer', 'Romashka LLC', null, null, null, 'judgement'],
    ];
    const insert = db.prepare(
      'INSERT INTO mentions (id, record_id, role, raw_name, identifier, country, entity_id, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of old) insert.run(...r);
    migrate(db);
    const rows = db
      .prepare(
        `SELECT m.record_id, m.role, n.raw_name, n.identifier, n.country, n.entity_id, n.decided_by
         FROM mentions m JOIN mention_names n ON n.id = m.name_id ORDER BY m.record_id, m.role DESC`,
      )
      .raw(true)
      .all();
    expect(rows).toEqual(old.map((r) => r.slice(1)));
    const names = db.prepare('SELECT raw_name, identifier, mentions FROM mention_names ORDER BY id').raw(true).all();
    expect(names).toEqual([
      ['ООО «Ромашка»', null, 2],
      ['ООО «Ромашка»', '7701234567', 1],
      ['Romashka LLC', null, 1],
    ]);
    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('mentions', 'mention_names')")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes.sort()).toEqual(['mention_names_entity', 'mentions_name']);
    expect(() => db.prepare("INSERT INTO mentions (record_id, role, name_id) VALUES (1, 'buyer', 1)").run()).toThrow(
      /CHECK/,
    );
    // One mention per record and role.
    expect(() => db.prepare("INSERT INTO mentions (record_id, role, name_id) VALUES (10, 'shipper', 2)").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    db.close();
  });
});
