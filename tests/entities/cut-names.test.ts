// Cut-short names: the reader decides "cut" without analyzing names (isCutShort); it must agree with the
// analysis on every name, and a cut name is decided by the declaration that names its party in full.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeName, isCutShort } from '../../shared/names';
import { must, SAMPLES, tempCase } from '../helpers/temp';

const PARTIES = ['shipper', 'consignee', 'notify', 'producer'];

describe('cut-short names', () => {
  it('isCutShort agrees with the full analysis on every party name of the samples, in every script', async () => {
    const names = new Set<string>([
      'AVIC International Holding Corp.',
      'Акционерное общество «Улан-Удэнский',
      '中国航空技术国际控股有限公司北京分公司',
      'ZHONGGUO HANGKONG JISHU GUOJI KONGG',
    ]);
    for (const [file, preset] of [
      ['ru-customs-2k.csv', 'ru-customs'],
      ['cn-customs-1k.csv', 'cn-customs'],
      ['bol-2k.csv', 'bol'],
      ['panjiva-2k.csv', 'panjiva'],
    ] as const) {
      const { core, path } = await tempCase();
      await must(core, 'import.run', { path: join(SAMPLES, file), preset });
      const db = new Database(path, { readonly: true });
      for (const p of PARTIES)
        for (const r of db.prepare(`SELECT DISTINCT ${p} AS n FROM records WHERE ${p} IS NOT NULL`).all() as {
          n: string;
        }[])
          names.add(r.n);
      db.close();
      core.session?.close();
    }
    const cut = [...names].filter((n) => analyzeName(n).maybeTruncated);
    expect(cut.length).toBeGreaterThan(20);
    expect([...names].filter((n) => isCutShort(n) !== analyzeName(n).maybeTruncated)).toEqual([]);
  }, 60_000);

  it('a cut name shared by two companies joins, in each declaration, the company that declaration names in full', async () => {
    const { core, dir } = await tempCase();
    const header =
      'DECLARATION_NUMBER,DATE,DIRECTION,SENDER,SENDER_ADDRESS,SENDER_COUNTRY,RECEIVER,RECEIVER_INN,RECEIVER_ADDRESS,HS_CODE,GOODS_DESCRIPTION,ORIGIN_COUNTRY,TRADING_COUNTRY,PRODUCER,TRADEMARK,QUANTITY,UNIT,NET_WEIGHT_KG,GROSS_WEIGHT_KG,INVOICE_VALUE,CURRENCY,STATISTICAL_VALUE_USD,CUSTOMS_POST,TRANSPORT';
    const line = (decl: string, sender: string) =>
      `${decl},2022-03-01,ЭК,${sender},"г. Улан-Удэ",RU,POLY TECHNOLOGIES INC.,,Beijing,8807300000,ЧАСТИ,RU,CN,ОТСУТСТВУЕТ,ОТСУТСТВУЕТ,1,ШТ,1,1,100,USD,100,"10005030, т/п",АВИА`;
    const cutName = 'Акционерное общество «Улан-Удэнский';
    const rows = [
      // Aviation plant: full name, then the cut one.
      line('10005030/010322/0000001', 'АО «Улан-Удэнский авиационный завод»'),
      line('10005030/010322/0000001', cutName),
      line('10005030/020322/0000002', 'АО «Улан-Удэнский авиационный завод»'),
      line('10005030/020322/0000002', 'JSC Ulan-Ude Aviation Plant'),
      // Locomotive repair plant: the same cut name, then its full name.
      line('10005030/030322/0000003', cutName),
      line('10005030/030322/0000003', 'АО «Улан-Удэнский локомотиворемонтный завод»'),
      line('10005030/040322/0000004', 'АО «Улан-Удэнский локомотиворемонтный завод»'),
      line('10005030/040322/0000004', 'АО «Улан-Удэнский локомотиворемонтный завод»'),
    ];
    const file = join(dir, 'cut.csv');
    (await import('node:fs')).writeFileSync(file, [header, ...rows].join('\n'));
    await must(core, 'import.run', { path: file, preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const mentions = (await must(core, 'mentions.list', { limit: 1000 })).filter((m) => m.role === 'shipper');
    const entityOfRow = (row: number) => mentions.find((m) => m.row === row)!.entityId;
    expect(entityOfRow(2)).toBe(entityOfRow(1));
    expect(entityOfRow(5)).toBe(entityOfRow(6));
    expect(entityOfRow(1)).not.toBe(entityOfRow(6));
    core.session?.close();
  }, 60_000);
});
