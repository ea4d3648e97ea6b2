import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { csvCell, csvLine, csvText } from '../../shared/domain/csv';
import { custodian } from '../helpers/cli';
import { must, tempCase } from '../helpers/temp';

const FILE = [
  'Date,Shipper,Consignee,HS,Description,Value USD',
  '2024-01-05,=1+1,ООО Ромашка,8807300000,+7 495 123,-2',
  '2024-01-06,@SUM(A1),北京航空公司,880730,rotor blades,100.5',
  '2024-01-07,Normal Co,"Quote ""and"", comma",8471,-2+3,12',
].join('\n');
const MAPPING = {
  columns: {
    Date: 'date',
    Shipper: 'shipper',
    Consignee: 'consignee',
    HS: 'hsCode',
    Description: 'description',
    'Value USD': 'valueUsd',
  },
} as const;

/** Reads CSV back as a spreadsheet would split it (RFC 4180 quoting, the BOM dropped). */
const parseCsv = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

/** What a spreadsheet would evaluate: a cell starting with = + - @ tab or CR that is not a plain number. */
const evaluated = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

async function formulaCase() {
  const made = await tempCase('CSV');
  const file = join(made.dir, 'formulas.csv');
  writeFileSync(file, FILE);
  await must(made.core, 'import.run', { path: file, mapping: MAPPING });
  return made;
}

describe('CSV export of table views', () => {
  it('neutralizes formulas cell by cell, keeps numbers numbers and quotes what needs it', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+7 495')).toBe("'+7 495");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2')).toBe('-2');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tlead')).toBe("'\tlead");
    expect(csvCell('\rlead')).toBe('"\'\rlead"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
    expect(csvText([['ООО', '北京']])).toBe('\uFEFFООО,北京\r\n');
  });

  it('writes the records view with its filters and sort, every matching row, read back safe', async () => {
    const { core, dir } = await formulaCase();
    const out = join(dir, 'records.csv');
    expect(await must(core, 'records.exportCsv', { path: out, sort: 'valueUsd', desc: true })).toEqual({
      file: out,
      rows: 3,
    });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    const header = rows[0]!;
    const col = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)]);
    expect(col('valueUsd')).toEqual(['100.5', '12', '-2']);
    expect(col('shipper')).toEqual(["'@SUM(A1)", 'Normal Co', "'=1+1"]);
    expect(col('consignee')).toEqual(['北京航空公司', 'Quote "and", comma', 'ООО Ромашка']);
    expect(col('description')).toEqual(['rotor blades', "'-2+3", "'+7 495 123"]);
    expect(rows.flat().filter(evaluated)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    const filtered = join(dir, 'filtered.csv');
    expect(await must(core, 'records.exportCsv', { path: filtered, valueMin: 50 })).toMatchObject({ rows: 1 });
    expect(readFileSync(filtered, 'utf8')).toContain('北京航空公司');
    expect(readFileSync(filtered, 'utf8')).not.toContain('Ромашка');
  });

  it('leaves no file when the export cannot be written', async () => {
    const { core, dir } = await formulaCase();
    const r = await call(core, 'records.exportCsv', { path: join(dir, 'no-such-folder', 'x.csv') });
    expect(r.ok).toBe(true); // a job: its failure is in its status
    const status = r.ok ? (r.value as { jobId: string }) : null;
    let s = await must(core, 'jobs.get', { jobId: status!.jobId });
    while (s.state === 'running') {
      await new Promise((done) => setTimeout(done, 50));
      s = await must(core, 'jobs.get', { jobId: status!.jobId });
    }
    expect(s.state).toBe('failed');
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('writes the entities list, all or as found, and the CLI writes the records view', async () => {
    const { core, dir, path } = await formulaCase();
    await must(core, 'entities.resolve', {});
    const out = join(dir, 'entities.csv');
    const all = await must(core, 'entities.exportCsv', { path: out });
    expect(all.rows).toBe(await must(core, 'entities.count', {}));
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['id', 'name', 'country', 'mentions', 'identifiers', 'aliases']);
    expect(rows.flat().filter(evaluated)).toEqual([]);
    const listed = await must(core, 'entities.list', { limit: 100 });
    expect(rows.slice(1).map((r) => r[1])).toEqual(listed.map((e) => parseCsv(csvLine([e.name]))[0]![0]));
    const found = await must(core, 'entities.exportCsv', { path: out, query: 'Normal' });
    expect(found.rows).toBe(1);
    expect(parseCsv(readFileSync(out, 'utf8'))[1]![1]).toBe('Normal Co');
    await must(core, 'case.close', {});

    const cliOut = join(dir, 'cli.csv');
    const cli = custodian(['records', path, '--csv', cliOut, '--min-usd', '0', '--sort', 'date', '--json']);
    expect(cli.status).toBe(0);
    expect(cli.json()).toEqual({ file: cliOut, rows: 2 });
    const cliRows = parseCsv(readFileSync(cliOut, 'utf8'));
    expect(cliRows.slice(1).map((r) => r[3])).toEqual(['2024-01-06', '2024-01-07']);
    const both = custodian(['records', path, '--csv', cliOut, '--limit', '5']);
    expect(both.status).not.toBe(0);
  });
});
