import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, callToEnd } from '../../electron/core/dispatch';
import { must, SAMPLES, tempCase, tempDir } from '../helpers/temp';
import { sha256Of } from './helpers';

describe('mappings, previews and validation', () => {
  it('suggests a mapping for an unknown layout and previews normalized values', async () => {
    const file = join(tempDir(), 'vendor.tsv');
    writeFileSync(
      file,
      'Дата\tОтправитель\tПолучатель\tКод ТН ВЭД\tСтоимость USD\tСтрана происхождения\n' +
        '04.03.2022\tООО «Ромашка»\tAO Vector\t8807.30.00\t1 234,50\tКитай\n' +
        '03/04/2022\t\tX\t880730\tN/A\tРоссия\n',
    );
    const { core } = await tempCase();
    const p = await must(core, 'import.preview', { path: file });
    expect(p.delimiter).toBe('\t');
    expect(p.suggestedPreset).toBeNull();
    expect(p.suggestedMapping).toMatchObject({
      Дата: 'date',
      Отправитель: 'shipper',
      Получатель: 'consignee',
      'Код ТН ВЭД': 'hsCode',
      'Стоимость USD': 'valueUsd',
      'Страна происхождения': 'originCountry',
    });
    expect(p.rows).toHaveLength(2);
    expect(p.normalized[0]).toMatchObject({
      fields: { date: '2022-03-04', hsCode: '88073000', valueUsd: 1234.5, originCountry: 'CN' },
      flags: ['hs_format'],
    });
    expect(new Set(p.normalized[1]!.flags)).toEqual(new Set(['ambiguous_date', 'missing_party', 'bad_number']));

    // Validation reads everything and writes nothing.
    const before = (await must(core, 'case.info', {})).counts;
    const v = await must(core, 'import.validate', { path: file });
    expect(v).toMatchObject({ rowsRead: 2, rowsImported: 2, rowsFlagged: 2, rowsRejected: 0 });
    expect((await must(core, 'case.info', {})).counts).toEqual(before);
    expect(await must(core, 'imports.list', {})).toEqual([]);
    // …and leaves the case ready for the real import, which indexes what validation did not.
    const run = await must(core, 'import.run', { path: file });
    expect(run).toMatchObject({ rowsImported: 2, rowsFlagged: 2 });
    expect((await must(core, 'search.query', { query: 'Ромашка' })).map((h) => h.kind)).toEqual(['record']);
  });

  it('saves a custom mapping in the case and imports with it by name', async () => {
    const file = join(tempDir(), 'x.csv');
    writeFileSync(file, 'a;b;c\nShip Co;Cons Co;2023-01-02\n');
    const { core } = await tempCase();
    await must(core, 'import.saveMapping', {
      name: 'my vendor',
      mapping: { columns: { a: 'shipper', b: 'consignee', c: 'date' } },
    });
    const presets = await must(core, 'import.presets', {});
    expect(presets.map((p) => p.name)).toEqual(['ru-customs', 'bol', 'panjiva', 'cn-customs', 'my vendor']);
    const sum = await must(core, 'import.run', { path: file, preset: 'my vendor' });
    expect(sum.rowsImported).toBe(1);
    const [rec] = await must(core, 'records.list', { importId: sum.importId });
    expect(rec).toMatchObject({ shipper: 'Ship Co', consignee: 'Cons Co', date: '2023-01-02', flags: [] });
    const bad = await call(core, 'import.saveMapping', { name: 'bol', mapping: { columns: {} } });
    expect(bad.ok).toBe(false);
    const wrongField = await call(core, 'import.saveMapping', {
      name: 'z',
      mapping: { columns: { a: 'not_a_field' } },
    });
    expect(wrongField.ok).toBe(false);
  });

  it('refuses a preset that matches none of the file’s columns', async () => {
    const { core } = await tempCase();
    const r = await callToEnd(core, 'import.run', { path: join(SAMPLES, 'bol-2k.csv'), preset: 'cn-customs' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/None of the mapping's columns/);
  });

  it('keeps the original file in the case, under its SHA-256', async () => {
    const { core, path } = await tempCase();
    const file = join(SAMPLES, 'cn-customs-300.gb18030.csv');
    const sum = await must(core, 'import.run', { path: file, preset: 'cn-customs' });
    const detail = await must(core, 'records.get', {
      id: (await must(core, 'records.list', { importId: sum.importId, limit: 1 }))[0]!.id,
    });
    expect(detail.provenance.sha256).toBe(sha256Of(file));
    core.session!.close();
    const db = new Database(path, { readonly: true });
    const blob = db.prepare('SELECT b.data FROM sources s JOIN blobs b ON b.sha256 = s.blob_sha256').get() as {
      data: Buffer;
    };
    db.close();
    expect(Buffer.compare(blob.data, readFileSync(file))).toBe(0);
  });
});
