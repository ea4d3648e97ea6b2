import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { exportTo, richCase, sha256File, tampered, verify } from './helpers';

/**
 * Received files that must be refused before anything in them is read:
 * each is refused with a sentence naming why, is byte for byte unchanged
 * after, and no code in it ran (a trigger or view that would write a
 * marker table never does: the file is never written).
 */
describe('safe open of a received file', () => {
  let core: CoreContext;
  let dir: string;
  let out: string;
  beforeEach(async () => {
    ({ core, dir } = await richCase());
    out = join(dir, 'sent.case');
    await exportTo(core, out);
  }, 120_000);

  async function refused(file: string, reason: RegExp): Promise<void> {
    const before = sha256File(file);
    const r = await verify(core, file);
    expect(r.ok, `${file} was not refused`).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(reason);
    expect(sha256File(file)).toBe(before);
  }

  it('refuses a case with an added trigger, view, virtual table or table', async () => {
    await refused(
      tampered(out, 'trigger.case', `CREATE TRIGGER t AFTER INSERT ON audit_log BEGIN DELETE FROM records; END;`),
      /refused: it has a trigger "t" that Custodian did not create/,
    );
    await refused(
      tampered(out, 'view.case', `CREATE VIEW v AS SELECT * FROM records`),
      /refused: it has a view "v" that Custodian did not create/,
    );
    await refused(
      tampered(out, 'vtab.case', `CREATE VIRTUAL TABLE x USING fts5(a)`),
      /a virtual table "x" that Custodian did not create/,
    );
    await refused(
      tampered(out, 'table.case', `CREATE TABLE extra (a TEXT)`),
      /a table "extra" that Custodian did not create/,
    );
    await refused(
      tampered(out, 'column.case', `ALTER TABLE annotations ADD COLUMN secret TEXT`),
      /a table "annotations" defined differently from Custodian's/,
    );
  });

  it('refuses a case whose table was replaced by a view', async () => {
    await refused(
      tampered(
        out,
        'replaced.case',
        `PRAGMA foreign_keys = OFF; DROP TABLE annotations; CREATE VIEW annotations AS SELECT id, 'record' AS target, id AS target_id, description AS text FROM records;`,
      ),
      /"annotations" is a view where Custodian has a table/,
    );
  });

  it('refuses a newer or unknown schema version, another application, and files that are not SQLite', async () => {
    await refused(tampered(out, 'newer.case', 'PRAGMA user_version = 9990'), /written by a newer version of Custodian/);
    await refused(
      tampered(out, 'odd.case', 'PRAGMA user_version = 15'),
      /schema version 15 is not one Custodian ever wrote/,
    );
    await refused(tampered(out, 'other.case', 'PRAGMA application_id = 7'), /another application/);
    const empty = join(dir, 'empty.case');
    writeFileSync(empty, '');
    await refused(empty, /not an SQLite database/);
    const text = join(dir, 'text.case');
    writeFileSync(text, 'SQLite format 2\n'.repeat(100));
    await refused(text, /not an SQLite database/);
  });

  it('refuses a truncated file and one with flipped bits in its structure', async () => {
    const truncated = join(dir, 'truncated.case');
    copyFileSync(out, truncated);
    truncateSync(truncated, Math.floor(readFileSync(out).length / 2));
    await refused(truncated, /refused: it is damaged/);

    // A flip in the schema page's b-tree header, and one in an interior page's cell pointers.
    const bytes = readFileSync(out);
    const pageSize = bytes.readUInt16BE(16);
    for (const [name, at] of [
      ['flip-schema.case', 100 + 3],
      ['flip-page.case', pageSize * 3 + 9],
    ] as const) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 0x40;
      const file = join(dir, name);
      writeFileSync(file, flipped);
      const before = sha256File(file);
      const r = await verify(core, file);
      // Refused as damaged, or (a flip in row content) read and reported as changed: never ok.
      expect(r.ok ? r.value.ok : r.error.message).not.toBe(true);
      if (!r.ok) expect(r.error.message).toMatch(/refused/);
      expect(sha256File(file)).toBe(before);
    }
  });

  it('bit flips in stored content are never verified as ok', async () => {
    const bytes = readFileSync(out);
    // Flip a byte inside a record's text (where it first occurs in the file): the file is sound SQLite, and verify names the row.
    const db = new Database(out, { readonly: true });
    const { declaration_no: declaration } = db.prepare('SELECT declaration_no FROM records WHERE id = 10').get() as {
      declaration_no: string;
    };
    db.close();
    const at = bytes.indexOf(Buffer.from(declaration));
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(bytes);
    flipped[at + 1]! ^= 0x01;
    const file = join(dir, 'flip-content.case');
    writeFileSync(file, flipped);
    const r = await verify(core, file);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.ok).toBe(false);
    expect(r.value.problems).toContainEqual(expect.objectContaining({ part: 'row' }));
  });
});
