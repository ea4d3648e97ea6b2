import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { CUSTODIAN_APPLICATION_ID } from '../../electron/core/db/format';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { createCore } from '../../electron/core/create-core';
import { must, tempCase, tempDir } from '../helpers/temp';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function coreIn(dir: string) {
  return createCore({ appDataDir: join(dir, 'app'), sampleDir: dir, actor: 'tester' });
}

describe('case file', () => {
  it('is created with Custodian’s application id, the latest schema and the safety pragmas', async () => {
    const { core, path } = await tempCase('Ulan-Ude');
    const info = await must(core, 'case.info', {});
    expect(info.title).toBe('Ulan-Ude');
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const db = core.session!.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    core.session!.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(CUSTODIAN_APPLICATION_ID);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const all = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    // Full-text indexes are virtual tables whose shadow tables SQLite makes itself, as it makes sqlite_sequence
    // for AUTOINCREMENT keys (ids never given twice: diagrams refer to them).
    const virtual = all.filter((t) => t.sql.startsWith('CREATE VIRTUAL')).map((t) => t.name);
    const sqlites = (t: { name: string }) => t.name.startsWith('sqlite_');
    const ours = all.filter(
      (t) => !t.sql.startsWith('CREATE VIRTUAL') && !sqlites(t) && !virtual.some((v) => t.name.startsWith(`${v}_`)),
    );
    expect(ours.length).toBeGreaterThan(5);
    for (const t of ours) expect(t.sql, t.name).toMatch(/\bSTRICT(, WITHOUT ROWID)?\s*$/);
    raw.close();
  });

  it('refuses a plain SQLite file of another app, a text file and a case from the future, leaving each unchanged', async () => {
    const dir = tempDir();
    const other = join(dir, 'other.case');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    o.close();
    const text = join(dir, 'notes.case');
    writeFileSync(text, 'just some notes, not a database\n'.repeat(20));
    const future = join(dir, 'future.case');
    const f = new Database(future);
    f.pragma(`application_id = ${CUSTODIAN_APPLICATION_ID}`);
    f.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    f.exec('CREATE TABLE case_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    f.close();
    const cases: [string, RegExp][] = [
      [other, /another application/],
      [text, /not an SQLite database/],
      [future, /newer version of Custodian/],
    ];
    for (const [path, message] of cases) {
      const before = sha(path);
      const r = await call(coreIn(dir), 'case.open', { path });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
      expect(sha(path)).toBe(before);
    }
  });

  it('refuses a corrupt case without changing it', async () => {
    const { core, path } = await tempCase();
    core.session!.db.exec("INSERT INTO case_meta (key, value) VALUES ('filler', hex(randomblob(200000)))");
    core.session!.db.pragma('wal_checkpoint(TRUNCATE)');
    core.session!.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096, bytes.length - 4096); // keep the header, wreck the pages
    writeFileSync(path, bytes);
    const before = sha(path);
    const r = await call(coreIn(tempDir()), 'case.open', { path });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('corrupt');
    expect(sha(path)).toBe(before);
  });

  it('keeps a hash-chained audit log that notices tampering', async () => {
    const { core } = await tempCase();
    await must(core, 'case.rename', { title: 'Renamed' });
    const entries = await must(core, 'audit.list', {});
    expect(entries.map((e) => e.action)).toEqual(['case.rename', 'case.create']);
    expect(await must(core, 'audit.verify', {})).toEqual({ ok: true, entries: 2 });
    core
      .session!.db.prepare('UPDATE audit_log SET detail = \'{"title":"Other"}\' WHERE action = \'case.rename\'')
      .run();
    expect((await must(core, 'audit.verify', {})).ok).toBe(false);
  });

  it('parses every input with the contract and returns errors as results', async () => {
    const { core } = await tempCase();
    const bad = await call(core, 'records.list', { limit: -1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
    const unknown = await call(core, 'nope.nothing' as never, {});
    expect(unknown.ok).toBe(false);
  });

  it('saves a compact copy that opens as a case of its own, and never overwrites a file', async () => {
    const { core, dir } = await tempCase('Original');
    const copy = join(dir, 'copy.case');
    expect(await must(core, 'case.saveCopy', { path: copy })).toEqual({ path: copy });
    const again = await call(core, 'case.saveCopy', { path: copy });
    expect(again.ok).toBe(false);
    const other = coreIn(tempDir());
    const info = await must(other, 'case.open', { path: copy });
    expect(info.title).toBe('Original');
    expect((await must(other, 'audit.verify', {})).ok).toBe(true);
    expect(await must(other, 'case.recent', {})).toEqual([copy]);
  });
});
