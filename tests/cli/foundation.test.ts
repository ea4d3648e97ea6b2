import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTODIAN_APPLICATION_ID } from '../../electron/core/db/format';
import { custodian } from '../helpers/cli';
import { SAMPLES, tempDir } from '../helpers/temp';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('custodian CLI: the foundation slice', () => {
  it('creates a case, imports ru-customs with counts that add up, and lists records with importId and row', () => {
    const dir = tempDir();
    const kase = join(dir, 'demo.case');
    const created = custodian(['new', kase, '--title', 'T', '--json']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.json<{ title: string }>().title).toBe('T');
    const db = new Database(kase, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(CUSTODIAN_APPLICATION_ID);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const imported = custodian([
      'import',
      kase,
      join(SAMPLES, 'ru-customs-2k.csv'),
      '--preset',
      'ru-customs',
      '--json',
    ]);
    expect(imported.status, imported.stderr).toBe(0);
    const s = imported.json<{
      importId: number;
      rowsRead: number;
      rowsImported: number;
      rowsRejected: number;
      duplicates: number;
    }>();
    expect(s.rowsRead).toBe(2001); // 2000 records + the TOTAL row
    expect(s.rowsImported + s.rowsRejected + s.duplicates).toBe(s.rowsRead);

    const records = custodian(['records', kase, '--json']).json<
      { id: number; importId: number; row: number; shipper: string | null }[]
    >();
    expect(records).toHaveLength(s.rowsImported);
    expect(records.every((r) => r.importId === s.importId && r.row >= 1 && r.row <= s.rowsRead)).toBe(true);
    // Row 1 is the first data row of the file, header not counted.
    expect(records[0]).toMatchObject({ row: 1, shipper: 'EVRORESURS-2000' });

    const rejects = custodian(['rejects', kase, String(s.importId), '--json']).json<
      { row: number; reason: string }[]
    >();
    expect(rejects.length).toBe(s.rowsRejected + s.duplicates);
    expect(rejects.some((r) => r.row === 2001)).toBe(true); // the TOTAL row
  });

  it('refuses files that are not Custodian cases with exit 1, one sentence, and the file unchanged', () => {
    const dir = tempDir();
    const other = join(dir, 'other.case');
    const o = new Database(other);
    o.exec('CREATE TABLE notes (x TEXT)');
    o.close();
    const text = join(dir, 'renamed.case');
    writeFileSync(text, 'This is a text file renamed to .case\n'.repeat(10));
    const future = join(dir, 'future.case');
    expect(custodian(['new', future, '--title', 'F']).status).toBe(0);
    const f = new Database(future);
    f.pragma('user_version = 9999');
    f.close();
    for (const file of [other, text, future]) {
      const before = sha(file);
      const r = custodian(['records', file, '--json']);
      expect(r.status).toBe(1);
      const firstLine = r.stderr.split('\n')[0]!;
      expect(firstLine).toMatch(/^custodian records: .+\.$/);
      expect(sha(file)).toBe(before);
    }
  });

  it('exits 2 on bad usage and 1 on a missing case', () => {
    expect(custodian(['import']).status).toBe(2);
    expect(custodian(['records', '/nonexistent/x.case']).status).toBe(1);
    expect(custodian(['frobnicate']).status).toBe(2);
  });
});
