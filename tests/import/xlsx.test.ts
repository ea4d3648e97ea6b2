import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, callToEnd } from '../../electron/core/dispatch';
import { must, SAMPLES, tempCase, tempDir } from '../helpers/temp';

async function writeXlsx(path: string, rows: unknown[][], sheetName = 'Data'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

describe('XLSX', () => {
  it('an XLSX made from a sample imports with the same records as the CSV', async () => {
    const csvPath = join(SAMPLES, 'ru-customs-2k.csv');
    const rows = parse(readFileSync(csvPath), { relax_column_count: true, bom: true }) as string[][];
    const xlsxPath = join(tempDir(), 'ru-customs-2k.xlsx');
    await writeXlsx(xlsxPath, rows);
    const { core } = await tempCase();
    const preview = await must(core, 'import.preview', { path: xlsxPath });
    expect(preview.format).toBe('xlsx');
    expect(preview.sheets).toEqual(['Data']);
    expect(preview.suggestedPreset).toBe('ru-customs');
    const fromCsv = await must(core, 'import.run', { path: csvPath, preset: 'ru-customs' });
    const fromXlsx = await must(core, 'import.run', { path: xlsxPath, preset: 'ru-customs' });
    // A spreadsheet cannot tell an empty trailing cell from no cell: an extra *empty* column is no extra value.
    const emptyExtra = new Set(rows.slice(1).flatMap((r, i) => (r.length === 25 && r[24] === '' ? [i + 1] : [])));
    const strip = (list: Awaited<ReturnType<typeof must<'records.list'>>>) =>
      list.filter((r) => !emptyExtra.has(r.row)).map(({ id: _i, importId: _m, ...rest }) => rest);
    const a = strip(await must(core, 'records.list', { importId: fromCsv.importId, limit: 5000 }));
    const b = strip(await must(core, 'records.list', { importId: fromXlsx.importId, limit: 5000 }));
    expect(a.length).toBeGreaterThan(1900);
    expect(b).toEqual(a);
    expect(fromXlsx.duplicates).toBe(fromCsv.duplicates);
    expect(fromXlsx.rowsRead).toBe(fromCsv.rowsRead);
    const detail = await must(core, 'records.get', {
      id: (await must(core, 'records.list', { importId: fromXlsx.importId, limit: 1 }))[0]!.id,
    });
    expect(detail.provenance.raw).toEqual(rows[1]);
  });

  it('uses cached formula results and never evaluates formulas', async () => {
    const path = join(tempDir(), 'formulas.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['Shipper', 'Consignee', 'Value USD']);
    ws.addRow(['A Co', 'B Co', { formula: '2*21', result: 42 }]);
    ws.addRow(['C Co', 'D Co', { formula: 'WEBSERVICE("http://x")' }]);
    await wb.xlsx.writeFile(path);
    const { core } = await tempCase();
    const sum = await must(core, 'import.run', {
      path,
      mapping: { columns: { Shipper: 'shipper', Consignee: 'consignee', 'Value USD': 'valueUsd' } },
    });
    expect(sum.rowsImported).toBe(2);
    expect(sum.warnings.join(' ')).toMatch(/no cached value/);
    const recs = await must(core, 'records.list', { importId: sum.importId });
    expect(recs.map((r) => r.valueUsd)).toEqual([42, null]);
  });

  it('reads a chosen sheet by name or number', async () => {
    const path = join(tempDir(), 'two.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['just notes']);
    const ws = wb.addWorksheet('Shipments');
    ws.addRow(['shipper', 'consignee', 'date']);
    ws.addRow(['X Ltd', 'Y LLC', '2022-03-04']);
    await wb.xlsx.writeFile(path);
    const { core } = await tempCase();
    const sum = await must(core, 'import.run', { path, sheet: 'Shipments' });
    expect(sum.rowsImported).toBe(1);
    const [rec] = await must(core, 'records.list', { importId: sum.importId });
    expect(rec).toMatchObject({ shipper: 'X Ltd', consignee: 'Y LLC', date: '2022-03-04', row: 1 });
    const missing = await call(core, 'import.preview', { path, sheet: 7 });
    expect(missing.ok).toBe(false);
  });

  it('refuses a zip bomb before inflating anything', async () => {
    const path = join(tempDir(), 'bomb.xlsx');
    writeFileSync(path, forgedZip('xl/worksheets/sheet1.xml', 10_000, 0x7fff_ffff));
    const { core, path: casePath } = await tempCase();
    const r = await callToEnd(core, 'import.run', { path, preset: 'ru-customs' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('unsafe_file');
      expect(r.error.message).toMatch(/zip bomb/);
    }
    expect((await must(core, 'case.info', {})).counts.imports).toBe(0);
    expect(casePath).toBeTruthy();
  });

  it('refuses absurd dimensions', async () => {
    const path = join(tempDir(), 'wide.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('W');
    ws.addRow(['shipper', 'consignee']);
    ws.getCell(2, 3000).value = 'far away';
    await wb.xlsx.writeFile(path);
    const { core } = await tempCase();
    const r = await callToEnd(core, 'import.run', { path, mapping: { columns: { shipper: 'shipper' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/columns/);
  });
});

/** A zip whose directory claims one entry of `uncompressed` bytes from `compressed`: only the directory is ever read. */
function forgedZip(name: string, compressed: number, uncompressed: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(n.length, 26);
  const data = Buffer.alloc(64);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(compressed, 20);
  cd.writeUInt32LE(uncompressed, 24);
  cd.writeUInt16LE(n.length, 28);
  const cdOffset = local.length + n.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cd.length + n.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, cd, n, eocd]);
}
