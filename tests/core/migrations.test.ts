import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../electron/core/db/migrations';
import type { WriteDb } from '../../electron/core/db/types';
import { tempDir } from '../helpers/temp';

describe('migrations', () => {
  it('re-index records of an older case without column sizes, Latin, Cyrillic and CJK alike (0050)', () => {
    const db = new Database(join(tempDir(), 'old.case')) as unknown as WriteDb;
    for (const m of MIGRATIONS.filter((x) => x.version <= 40)) db.exec(m.sql);
    db.pragma('user_version = 40');
    db.pragma('foreign_keys = OFF'); // records without their import row: only the index matters here
    const insert = db.prepare(
      "INSERT INTO records (id, import_id, row, shipper, consignee, description, raw) VALUES (?, 1, ?, ?, ?, ?, '{}')",
    );
    insert.run(1, 1, 'АО «Улан-Удэнский авиационный завод»', 'AVIC International', 'ЧАСТИ ВЕРТОЛЕТОВ');
    insert.run(2, 2, '保利科技有限公司', 'Rosoboronexport', 'Ёмкости');
    insert.run(25_000, 3, 'Škoda Transportation', null, 'parts');
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'records_fts'").pluck().get()).toContain(
      'columnsize=0',
    );
    const match = (q: string) =>
      db.prepare('SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rank').pluck().all(q);
    expect(match('улан*')).toEqual([1]);
    expect(match('cjk : "保利 利科"')).toEqual([2]);
    expect(match('емкости')).toEqual([2]);
    expect(match('skoda')).toEqual([25_000]);
    expect(match('consignee : avic')).toEqual([1]);
    // The usual merge settings are back for later writes.
    expect(db.prepare("SELECT v FROM records_fts_config WHERE k = 'automerge'").pluck().get()).toBe(4);
  });
});
