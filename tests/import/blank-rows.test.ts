import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, SAMPLES, tempCase, tempDir } from '../helpers/temp';
import { cli } from './helpers';

/** A real sample's header and first five rows, with blank rows of every kind between them. */
function csvWithBlankRows(): { path: string; records: number; blank: number } {
  const lines = readFileSync(join(SAMPLES, 'ru-customs-2k.csv'), 'utf8').split('\n');
  const header = lines[0]!;
  const commas = ','.repeat(header.split(',').length - 1);
  const body = [
    lines[1],
    commas, // every cell empty
    lines[2],
    ' , ,\t,  ', // whitespace only, and fewer cells than the header: still blank, not a wrong field count
    lines[3],
    '', // an empty line
    lines[4],
    '   ', // spaces only
    lines[5],
  ];
  const path = join(tempDir(), 'with-blank-rows.csv');
  writeFileSync(path, [header, ...body, ''].join('\n'));
  return { path, records: 5, blank: 4 };
}

describe('blank rows', () => {
  it('a CSV’s blank rows are skipped and counted, never imported or rejected', async () => {
    const { path, records, blank } = csvWithBlankRows();
    const { core } = await tempCase();
    const s = await must(core, 'import.run', { path, preset: 'ru-customs' });
    expect(s).toMatchObject({ rowsImported: records, blankRows: blank, rowsRejected: 0, duplicates: 0 });
    expect(s.rowsRead).toBe(s.rowsImported + s.rowsRejected + s.duplicates + s.blankRows);
    const list = await must(core, 'records.list', { importId: s.importId, limit: 100 });
    expect(list).toHaveLength(records);
    expect(list.every((r) => r.shipper && r.date)).toBe(true);
    expect(await must(core, 'rejects.list', { importId: s.importId })).toEqual([]);
    const [info] = await must(core, 'imports.list', {});
    expect(info).toMatchObject({ id: s.importId, blankRows: blank, rowsRead: s.rowsRead });
  });

  it('an XLSX’s empty and whitespace-only rows are blank rows too', async () => {
    const path = join(tempDir(), 'blank-rows.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Shipper', 'Consignee', 'Value USD']);
    ws.addRow(['A Co', 'B Co', 10]);
    ws.addRow(['', '  ', '']); // cells present, nothing in them
    ws.getRow(5).values = ['C Co', 'D Co', 20]; // row 4 has no cells at all
    await wb.xlsx.writeFile(path);
    const { core } = await tempCase();
    const mapping = { columns: { Shipper: 'shipper', Consignee: 'consignee', 'Value USD': 'valueUsd' } };
    const s = await must(core, 'import.run', { path, mapping });
    expect(s).toMatchObject({ rowsRead: 4, rowsImported: 2, blankRows: 2, rowsRejected: 0 });
    const list = await must(core, 'records.list', { importId: s.importId, limit: 10 });
    expect(list.map((r) => [r.row, r.shipper])).toEqual([
      [1, 'A Co'],
      [4, 'C Co'],
    ]);
  });

  it('the CLI’s import JSON says how many rows were blank', () => {
    const { path, blank } = csvWithBlankRows();
    const casePath = join(tempDir(), 'blank.case');
    expect(cli(['new', casePath, '--title', 'Blank rows']).status).toBe(0);
    const r = cli(['import', casePath, path, '--preset', 'ru-customs', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ blankRows: blank, rowsImported: 5 });
  });
});
