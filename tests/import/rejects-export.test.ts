import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { csvCell, rejectsCsv } from '../../shared/domain/rejects-csv';
import { must, tempCase, tempDir } from '../helpers/temp';

const mapping = { columns: { Shipper: 'shipper', Consignee: 'consignee', 'Value USD': 'valueUsd' } } as const;

/** Rows a spreadsheet would run as formulas, each rejected for its wrong field count. */
function fileWithDangerousRejects(): string {
  const path = join(tempDir(), 'dangerous.csv');
  const lines = [
    'Shipper,Consignee,Value USD',
    'A Co,B Co,10',
    '=HYPERLINK("http://x"),B Co,10,extra',
    '+1+1,x,1,2',
    '-2+3,x,1,2',
    '@SUM(A1),x,1,2',
    '\t=1,x,1,2',
    'A Co,B Co,10',
  ];
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('rejects: paging and CSV export', () => {
  it('cells a spreadsheet would evaluate get a leading quote; numbers stay numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+7 495')).toBe("'+7 495");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  });

  it('rejects.export writes every reject, safe to open in a spreadsheet, the same as rejects.list', async () => {
    const { core } = await tempCase();
    const s = await must(core, 'import.run', { path: fileWithDangerousRejects(), mapping });
    expect(s).toMatchObject({ rowsImported: 1, rowsRejected: 5, duplicates: 1 });
    const all = await must(core, 'rejects.list', { importId: s.importId });
    expect(all.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    // Paged: the pages put together are the whole list.
    const pages = [
      ...(await must(core, 'rejects.list', { importId: s.importId, limit: 4 })),
      ...(await must(core, 'rejects.list', { importId: s.importId, limit: 4, offset: 4 })),
    ];
    expect(pages).toEqual(all);

    const out = join(tempDir(), 'rejects.csv');
    expect(await must(core, 'rejects.export', { importId: s.importId, path: out })).toEqual({ file: out, rows: 6 });
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(rejectsCsv(all));
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['row', 'reason', 'duplicate_of', 'raw']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2', '3', '4', '5', '6', '7']);
    // No cell of the file starts with a character a spreadsheet evaluates.
    for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1]![3]).toBe('\'=HYPERLINK("http://x"),B Co,10,extra');
    expect(rows[6]).toEqual(['7', 'duplicate of row 1', '1', 'A Co,B Co,10']);
  });

  it('an unknown import is refused with its id', async () => {
    const { core } = await tempCase();
    const r = await call(core, 'rejects.export', { importId: 99, path: join(tempDir(), 'x.csv') });
    expect(r.ok ? null : r.error.message).toBe('There is no import 99 in this case.');
  });
});
