import { UNDO_AFTER_100 } from '../helpers/later-schema';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRecords } from '../../electron/core/db/records';
import { resolveCase } from '../../electron/core/entities/resolve/resolve-case';
import { importFile } from '../../electron/core/import/import-file';
import { entitiesFound } from '../../electron/core/search/entity-match';
import { recordFilter } from '../../electron/core/search/record-match';
import { CaseSession } from '../../electron/core/session';
import { SAMPLES, tempDir } from '../helpers/temp';

describe('a case from before search across scripts (schema 80)', () => {
  it('is given its entity names index by the migration and its words by skeleton when opened', async () => {
    const path = join(tempDir(), 'old.case');
    const made = CaseSession.create(path, 'old', 'tester');
    await importFile(made.db, { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' }, 'tester');
    resolveCase(made.db, 'tester');
    const ulan = countRecords(made.db, recordFilter(made.db, { query: 'Ulan' }));
    made.close();

    // Back to schema 80: what search across scripts (90) and diagrams (100) added is gone.
    const raw = new Database(path);
    // Newest first: what came after 100 changes tables that 100 made.
    raw.exec(`${UNDO_AFTER_100}
      DROP TABLE search_words; DROP TABLE entity_names_fts; DROP INDEX records_hs_code;
      DELETE FROM case_meta WHERE key = 'search_words_version';
      DROP TABLE diagram_history; DROP TABLE diagram_edges; DROP TABLE diagram_nodes; DROP TABLE diagrams;
      DROP TABLE link_evidence; DROP TABLE links; DROP TABLE annotations; DROP TABLE entity_anchors;
      PRAGMA user_version = 80;`);
    raw.close();

    const session = CaseSession.open(path);
    try {
      const db = session.db;
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      expect(db.prepare("SELECT count(*) FROM search_words WHERE word = 'улан'").pluck().get()).toBe(1);
      expect(countRecords(db, recordFilter(db, { query: 'Ulan' }))).toBe(ulan);
      expect(countRecords(db, recordFilter(db, { query: 'Ulan' }))).toBe(
        countRecords(db, recordFilter(db, { query: 'Улан' })),
      );
      const names = db.prepare('SELECT name FROM entities WHERE id IN (SELECT value FROM json_each(?))').pluck();
      expect(names.all(JSON.stringify(entitiesFound(db, 'Поли Текнолоджиз')!.ids))).toEqual(
        expect.arrayContaining([expect.stringMatching(/Poly Technologies/)]),
      );
      expect(
        db.prepare("EXPLAIN QUERY PLAN SELECT id FROM records WHERE hs_code >= '8807' AND hs_code < '8807~'").all(),
      ).toEqual(
        expect.arrayContaining([expect.objectContaining({ detail: expect.stringContaining('records_hs_code') })]),
      );
    } finally {
      session.close();
    }
  });
});
