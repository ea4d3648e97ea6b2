import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, tempDir } from '../helpers/temp';
import { cli, sha256Of } from './helpers';

function newCase(): string {
  const path = join(tempDir(), 'c.case');
  const r = cli(['new', path, '--title', 'CLI test']);
  expect(r.status).toBe(0);
  return path;
}

describe('custodian import from the command line', () => {
  it('imports, reports per the contract, lists records and rejects, and refuses a re-import', () => {
    const c = newCase();
    const r = cli(['import', c, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const sum = JSON.parse(r.stdout) as Record<string, number | boolean>;
    expect(sum).toMatchObject({
      importId: 1,
      rowsRead: 2001,
      rowsImported: 1990,
      rowsRejected: 6,
      duplicates: 5,
      alreadyImported: false,
    });

    const rej = JSON.parse(cli(['rejects', c, '1', '--json']).stdout) as { row: number; reason: string; raw: string }[];
    expect(rej.length).toBe(11);
    expect(rej.find((x) => x.reason.includes('TOTAL'))!.row).toBe(2001);
    expect(rej.every((x) => typeof x.raw === 'string' && x.raw.length > 0)).toBe(true);
    const csvOut = join(tempDir(), 'rejects.csv');
    expect(cli(['rejects', c, '1', '--csv', csvOut]).status).toBe(0);
    const csvText = readFileSync(csvOut, 'utf8');
    expect(csvText.startsWith('\uFEFFrow,reason,duplicate_of,raw\r\n')).toBe(true);
    expect(csvText).toContain('2001,"a summary (TOTAL) line, not a record",,"TOTAL,');

    const recs = JSON.parse(cli(['records', c, '--limit', '3', '--json']).stdout) as Record<string, unknown>[];
    expect(recs).toHaveLength(3);
    for (const k of [
      'id',
      'importId',
      'row',
      'date',
      'shipper',
      'consignee',
      'hsCode',
      'description',
      'valueUsd',
      'flags',
    ])
      expect(recs[0]).toHaveProperty(k);
    expect(recs.map((x) => x.row)).toEqual([1, 2, 3]);

    const before = sha256Of(c);
    const again = cli(['import', c, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs', '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyImported: true, rowsImported: 0, importId: 1 });
    expect(sha256Of(c)).toBe(before);

    const hits = JSON.parse(cli(['search', c, 'подшипники', '--json']).stdout) as {
      kind: string;
      id: number;
      snippet: string;
    }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'record' && /ПОДШИПНИК/.test(h.snippet))).toBe(true);
  });

  const bad: [string, (dir: string) => string, RegExp][] = [
    ['an empty file', (d) => (writeFileSync(join(d, 'empty.csv'), ''), join(d, 'empty.csv')), /empty/],
    [
      'a binary file',
      (d) => (
        writeFileSync(join(d, 'x.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0, 1, 2])),
        join(d, 'x.csv')
      ),
      /binary/,
    ],
    ['a file that is not there', (d) => join(d, 'nope.csv'), /does not exist/],
    [
      'a file of blank lines',
      (d) => (writeFileSync(join(d, 'h.csv'), '\r\n\n  \n'), join(d, 'h.csv')),
      /no header row/,
    ],
  ];
  for (const [what, make, message] of bad) {
    it(`${what}: clear error, exit code 1, case unchanged`, () => {
      const c = newCase();
      const before = sha256Of(c);
      const r = cli(['import', c, make(tempDir()), '--preset', 'ru-customs']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(sha256Of(c)).toBe(before);
    });
  }

  it('an unknown preset and bad usage are refused', () => {
    const c = newCase();
    const r = cli(['import', c, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Unknown preset nope/);
    expect(cli(['import', c]).status).toBe(2);
    expect(cli(['import', c, 'x.csv', '--bogus']).status).toBe(2);
  });

  it('--mapping, --delimiter and --encoding override detection', () => {
    const d = tempDir();
    const c = newCase();
    const file = join(d, 'custom.txt');
    writeFileSync(
      file,
      Buffer.from('Отправитель|Получатель|Дата|Стоимость\n"ООО ""Ромашка"""|АО Вектор|04.03.2022|1 234,50\n', 'utf8'),
    );
    const map = join(d, 'map.json');
    writeFileSync(
      map,
      JSON.stringify({
        columns: { Отправитель: 'shipper', Получатель: 'consignee', Дата: 'date', Стоимость: 'value' },
      }),
    );
    const r = cli(['import', c, file, '--mapping', map, '--delimiter', '|', '--encoding', 'utf-8', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const [rec] = JSON.parse(cli(['records', c, '--json']).stdout) as Record<string, unknown>[];
    expect(rec).toMatchObject({
      shipper: 'ООО "Ромашка"',
      consignee: 'АО Вектор',
      date: '2022-03-04',
      value: 1234.5,
      flags: [],
    });
  });
});
