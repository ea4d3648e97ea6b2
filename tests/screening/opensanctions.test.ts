// OpenSanctions files built here: FtM JSON lines and targets.simple.csv; a broken line imports nothing.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { FTM_LINES, importFtm } from './ftm-lines';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callToEnd } from '../../electron/core/dispatch';
import { must, tempCase } from '../helpers/temp';
import type { CoreContext } from '../../electron/core/context';

const entryByExternal = async (core: CoreContext, path: string, ext: string) => {
  const db = new Database(path, { readonly: true });
  const id = db.prepare('SELECT max(id) FROM sanction_entries WHERE external_id = ?').pluck().get(ext) as number;
  db.close();
  return must(core, 'lists.entry', { id });
};

describe('OpenSanctions lists', () => {
  it('FtM JSON lines: parties become entries; Sanction and Identification entities attach to the party they point at', async () => {
    const { core, dir, path } = await tempCase();
    const summary = await importFtm(core, dir);
    expect(summary).toMatchObject({ entries: 3, added: 3, removed: 0, warnings: [] });
    const uuaz = await entryByExternal(core, path, 'NK-uuaz');
    expect(uuaz).toMatchObject({
      name: 'JSC ULAN-UDE AVIATION PLANT',
      kind: 'organization',
      aliases: ['ULAN-UDE AVIATION PLANT', 'Улан-Удэнский авиационный завод'],
      identifiers: ['0323018510'],
      countries: ['RU'],
      addresses: ['1 Khorinskaya St, Ulan-Ude, 670009'],
      programs: ['RUSSIA-EO14024'],
      listedOn: '2022-06-28',
      remarks: 'Office of Foreign Assets Control: Operating in the aerospace sector of the Russian economy.',
      line: 2,
    });
    const person = await entryByExternal(core, path, 'NK-person');
    expect(person).toMatchObject({ kind: 'person', identifiers: ['4509 123456'], birthDates: ['1961-02-03'] });
    expect((await entryByExternal(core, path, 'NK-poly')).listedOn).toBe('2019-05-23');
    const lists = await must(core, 'lists.list', {});
    expect(lists).toMatchObject([
      { name: 'OFAC SDN (OpenSanctions)', format: 'ftm', current: { asOf: '2024-03-01', entries: 3 } },
    ]);
  }, 60_000);

  it('a broken JSON line names its line and reason, and nothing of the file is imported', async () => {
    const { core, dir, path } = await tempCase();
    const file = join(dir, 'broken.jsonl');
    writeFileSync(
      file,
      [...FTM_LINES.slice(0, 4), '{"id": "x", "schema": "Company", "properties": {', ...FTM_LINES.slice(4)].join('\n'),
    );
    const r = await callToEnd(core, 'lists.import', { paths: [file] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^broken\.jsonl, line 5: not a JSON object \(/);
    const db = new Database(path, { readonly: true });
    for (const t of ['sanction_lists', 'sanction_entries', 'sanction_entry_values', 'sources'])
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    db.close();
  }, 60_000);

  const HEADER =
    'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change';

  it('targets.simple.csv: one entry per row, ;-joined values split, the sanctions summary kept as remarks', async () => {
    const { core, dir, path } = await tempCase();
    const file = join(dir, 'targets.simple.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'NK-uuaz,Company,JSC Ulan-Ude Aviation Plant,"Улан-Удэнский авиационный завод;ULAN-UDE AVIATION PLANT",,ru,"1 Khorinskaya St, Ulan-Ude",0323018510,"Sanctioned by OFAC: RUSSIA-EO14024",,,US-RUS-EO14024;EU-RU,sanctions,2022-06-28T00:00:00,2024-01-01T00:00:00,2023-01-01T00:00:00',
        'NK-pers,Person,Ivan Testov,Иван Тестов,1961-02-03,ru;by,,,,+7 900,,,sanctions,2023-02-24T10:00:00,2024-01-01T00:00:00,2023-02-24T00:00:00',
      ].join('\r\n'),
    );
    const summary = await must(core, 'lists.import', { paths: [file], asOf: '2024-01-02' });
    expect(summary.entries).toBe(2);
    const uuaz = await entryByExternal(core, path, 'NK-uuaz');
    expect(uuaz).toMatchObject({
      name: 'JSC Ulan-Ude Aviation Plant',
      aliases: ['Улан-Удэнский авиационный завод', 'ULAN-UDE AVIATION PLANT'],
      countries: ['RU'],
      addresses: ['1 Khorinskaya St, Ulan-Ude'],
      identifiers: ['0323018510'],
      programs: ['US-RUS-EO14024', 'EU-RU'],
      listedOn: '2022-06-28',
      remarks: 'Sanctioned by OFAC: RUSSIA-EO14024',
      line: 2,
    });
    expect(await entryByExternal(core, path, 'NK-pers')).toMatchObject({
      kind: 'person',
      countries: ['RU', 'BY'],
      line: 3,
    });
    expect(await must(core, 'lists.list', {})).toMatchObject([
      { format: 'opensanctions-csv', name: 'OpenSanctions targets.simple' },
    ]);
  }, 60_000);

  it('a targets.simple.csv row with the wrong column count names its line; nothing is imported', async () => {
    const { core, dir, path } = await tempCase();
    const file = join(dir, 'targets.simple.csv');
    writeFileSync(file, [HEADER, 'a,Company,Good Co,,,,,,,,,,,,,', 'b,Company,Bad Co,,,'].join('\n'));
    const r = await callToEnd(core, 'lists.import', { paths: [file] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        "targets.simple.csv, line 3: 6 columns where targets.simple.csv's header has 16 (wrong column count)",
      );
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM sanction_entries').pluck().get()).toBe(0);
    db.close();
  }, 60_000);

  it('a generic CSV is read with a mapping of its columns', async () => {
    const { core, dir, path } = await tempCase();
    const file = join(dir, 'national-list.csv');
    writeFileSync(
      file,
      [
        'Ref,Entity,Also known as,Land,Regime,Date listed',
        'UK-1,Acme Rockets Ltd,Acme Rocketry|ACME,GB,Russia,2022-03-15',
      ].join('\n'),
    );
    const mapping = {
      id: 'Ref',
      name: 'Entity',
      aliases: 'Also known as',
      countries: 'Land',
      programs: 'Regime',
      listedOn: 'Date listed',
      separator: '|',
    };
    const summary = await must(core, 'lists.import', {
      paths: [file],
      format: 'csv',
      mapping,
      name: 'UK list',
      authority: 'OFSI',
    });
    expect(summary.entries).toBe(1);
    expect(await entryByExternal(core, path, 'UK-1')).toMatchObject({
      aliases: ['Acme Rocketry', 'ACME'],
      countries: ['GB'],
      programs: ['Russia'],
      listedOn: '2022-03-15',
    });
    expect(await must(core, 'lists.list', {})).toMatchObject([{ name: 'UK list', authority: 'OFSI', format: 'csv' }]);
  }, 60_000);
});
