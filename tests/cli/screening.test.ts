import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { custodian } from '../helpers/cli';
import { SAMPLES, SHARED, tempDir } from '../helpers/temp';
import { FTM_LINES } from '../screening/ftm-lines';

const ok = <T>(args: string[]) => {
  const r = custodian([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return r.json<T>();
};

describe('custodian lists … and screen', () => {
  it('lists import answers {listId, entries}; screen answers the contract’s hit fields; hits review keeps a decision', () => {
    const dir = tempDir();
    const kase = join(dir, 's.case');
    ok(['new', kase, '--title', 'Screening']);
    ok(['import', kase, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']);
    ok(['resolve', kase]);
    const ofac = ok<Record<string, unknown>>([
      'lists',
      'import',
      kase,
      join(SHARED, 'data', 'ofac-sample', 'sdn.csv'),
      '--as-of',
      '2024-05-01',
    ]);
    expect(ofac).toEqual({ listId: 1, entries: 7379 });
    const list = join(dir, 'sdn.json');
    writeFileSync(list, FTM_LINES.join('\n'));
    expect(
      ok([
        'lists',
        'import',
        kase,
        list,
        '--format',
        'ftm',
        '--name',
        'SDN via OpenSanctions',
        '--as-of',
        '2024-03-01',
      ]),
    ).toEqual({ listId: 2, entries: 3 });
    expect(ok<{ name: string; asOf: string }[]>(['lists', 'list', kase]).map((l) => [l.name, l.asOf])).toEqual([
      ['OFAC SDN', '2024-05-01'],
      ['SDN via OpenSanctions', '2024-03-01'],
    ]);
    const hits = ok<Record<string, unknown>[]>(['screen', kase]);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits)
      expect(Object.keys(h).sort()).toEqual([
        'entityId',
        'entityName',
        'entryId',
        'entryName',
        'listId',
        'programs',
        'score',
      ]);
    const plant = hits.find((h) => h.entryName === 'JSC ULAN-UDE AVIATION PLANT')!;
    expect(plant).toMatchObject({ listId: 2, programs: ['RUSSIA-EO14024'] });
    const reviewed = ok<Record<string, unknown>>([
      'hits',
      'review',
      kase,
      '--entity',
      String(plant.entityId),
      '--entry',
      String(plant.entryId),
      '--status',
      'false_positive',
      '--note',
      'other plant',
    ]);
    expect(reviewed).toMatchObject({ entityId: plant.entityId, status: 'false_positive', note: 'other plant' });
    const bad = custodian(['lists', 'import', kase, list, '--format', 'nope']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--format takes one of ofac, ftm, opensanctions-csv, csv/);
  }, 300_000);
});
