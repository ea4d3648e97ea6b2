// OFAC's legacy CSVs: one entry per sdn.csv row, aliases and addresses on the right entry; malformed files import nothing.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callToEnd } from '../../electron/core/dispatch';
import { must, SHARED, tempCase } from '../helpers/temp';

const OFAC = join(SHARED, 'data', 'ofac-sample');
const csvRows = (file: string) =>
  readFileSync(join(OFAC, file), 'latin1')
    .replace(/\x1a/g, '')
    .split(/\r?\n/)
    .filter((l) => l.trim()).length;

describe('OFAC legacy CSV lists', () => {
  it('imports one entry per sdn.csv row with the aliases and addresses of alt.csv and add.csv on their entry', async () => {
    const { core, path } = await tempCase();
    const summary = await must(core, 'lists.import', { paths: [join(OFAC, 'sdn.csv')], asOf: '2024-05-01' });
    const db = new Database(path, { readonly: true });
    const sdnRows = db.prepare('SELECT count(*) FROM sanction_entries').pluck().get() as number;
    expect(summary.entries).toBe(sdnRows);
    // Rows of sdn.csv (no quoted line breaks in the sample's sdn.csv: its row count is its line count).
    expect(sdnRows).toBe(csvRows('sdn.csv'));
    expect(summary).toMatchObject({ added: sdnRows, removed: 0, alreadyImported: false });
    // The sample's sdn_comments.csv continues the remarks of entries its sdn.csv does not have: said, not dropped silently.
    expect(summary.warnings.every((w) => / value\(s\) point at entry \d+/.test(w))).toBe(true);
    const files = db
      .prepare(
        'SELECT s.file_name, s.sha256, s.blob_sha256 FROM sanction_list_files f JOIN sources s ON s.id = f.source_id',
      )
      .all() as { file_name: string; blob_sha256: string }[];
    expect(files.map((f) => f.file_name).sort()).toEqual(['add.csv', 'alt.csv', 'sdn.csv', 'sdn_comments.csv']);
    expect(files.every((f) => f.blob_sha256)).toBe(true);
    db.close();

    const lists = await must(core, 'lists.list', {});
    expect(lists).toMatchObject([
      { name: 'OFAC SDN', authority: 'US Treasury OFAC', format: 'ofac', current: { asOf: '2024-05-01' } },
    ]);
    const entryId = (ext: string) =>
      new Database(path, { readonly: true })
        .prepare('SELECT id FROM sanction_entries WHERE external_id = ?')
        .pluck()
        .get(ext) as number;
    // 306 BANCO NACIONAL DE CUBA: alias 220, four addresses (Zurich, Madrid, Tokyo, Panama City).
    const bnc = await must(core, 'lists.entry', { id: entryId('306') });
    expect(bnc).toMatchObject({ name: 'BANCO NACIONAL DE CUBA', kind: 'organization', programs: ['CUBA'] });
    expect(bnc.aliases).toEqual(['NATIONAL BANK OF CUBA']);
    expect(bnc.addresses).toEqual([
      'Zweierstrasse 35, Zurich CH-8022, Switzerland',
      'Avenida de Concha Espina 8, Madrid E-28036, Spain',
      'Dai-Ichi Bldg. 6th Floor, 10-2 Nihombashi, 2-chome, Chuo-ku, Tokyo 103, Japan',
      'Federico Boyd Avenue & 51 Street, Panama City, Panama',
    ]);
    expect(bnc.remarks).toBe("a.k.a. 'BNC'.");
    const c1287 = await must(core, 'lists.entry', { id: entryId('1287') });
    expect(c1287.aliases).toEqual(['CUFLET', 'CUBAN FREIGHT ENTERPRISE']);
    // sdn_comments.csv continues the remarks of its entry.
    const commented = readFileSync(join(OFAC, 'sdn_comments.csv'), 'latin1').split('\n')[0]!.split(',')[0]!;
    const withComment = await must(core, 'lists.entry', { id: entryId(commented) });
    expect(withComment.remarks).toContain('Linked To: RED MUNDIAL INMOBILIARIA');

    // The same files again add nothing.
    const again = await must(core, 'lists.import', { paths: [join(OFAC, 'sdn.csv')], asOf: '2024-05-01' });
    expect(again).toMatchObject({ alreadyImported: true, versionId: summary.versionId });
  }, 120_000);

  it('a newer version shows what it added and removed and keeps the old one', async () => {
    const { core, dir } = await tempCase();
    const v1 = join(dir, 'v1');
    const v2 = join(dir, 'v2');
    mkdirSync(v1);
    mkdirSync(v2);
    const lines = readFileSync(join(OFAC, 'sdn.csv'), 'latin1').split('\n').slice(0, 50);
    writeFileSync(join(v1, 'sdn.csv'), lines.slice(0, 40).join('\n'), 'latin1');
    writeFileSync(join(v2, 'sdn.csv'), lines.slice(5, 50).join('\n'), 'latin1');
    const first = await must(core, 'lists.import', { paths: [join(v1, 'sdn.csv')], asOf: '2024-01-01' });
    const second = await must(core, 'lists.import', { paths: [join(v2, 'sdn.csv')], asOf: '2024-06-01' });
    expect(second).toMatchObject({ listId: first.listId, entries: 45, added: 10, removed: 5 });
    const diff = await must(core, 'lists.diff', { versionId: second.versionId });
    expect(diff).toMatchObject({ previousVersionId: first.versionId, addedCount: 10, removedCount: 5 });
    expect(diff.removed.map((e) => e.externalId).sort()).toEqual(
      lines
        .slice(0, 5)
        .map((l) => l.split(',')[0])
        .sort(),
    );
    const detail = await must(core, 'lists.get', { id: first.listId });
    expect(detail.versions.map((v) => v.asOf)).toEqual(['2024-06-01', '2024-01-01']);
    expect(detail.current.id).toBe(second.versionId);
  }, 60_000);

  it('a row with the wrong column count names file and line, and nothing of the list is imported', async () => {
    const { core, dir, path } = await tempCase();
    for (const f of ['sdn.csv', 'add.csv', 'sdn_comments.csv']) copyFileSync(join(OFAC, f), join(dir, f));
    const alt = readFileSync(join(OFAC, 'alt.csv'), 'latin1').split('\n');
    alt[6] = '555,999,"aka","BROKEN ROW"';
    writeFileSync(join(dir, 'alt.csv'), alt.join('\n'), 'latin1');
    const r = await callToEnd(core, 'lists.import', { paths: [join(dir, 'sdn.csv')] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/alt\.csv, line 7: 4 columns where .* has 5 \(wrong column count\)/);
    const db = new Database(path, { readonly: true });
    for (const t of [
      'sanction_lists',
      'sanction_list_versions',
      'sanction_entries',
      'sanction_entry_values',
      'sources',
    ])
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    db.close();
  }, 60_000);
});
