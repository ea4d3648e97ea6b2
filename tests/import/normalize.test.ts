import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../electron/core/import/readers/csv-parser';
import { detectEncoding } from '../../electron/core/import/readers/encoding';
import { normalizeCountry } from '../../electron/core/import/normalize/countries';
import { parseDate } from '../../electron/core/import/normalize/dates';
import { normalizeHs } from '../../electron/core/import/normalize/hs';
import { parseNumber } from '../../electron/core/import/normalize/numbers';
import { sniffDelimiter } from '../../electron/core/import/readers/sniff';
import { compileNormalizer } from '../../electron/core/import/normalize/row';
import { isCanonicalNumber, rebuildRaw } from '../../electron/core/import/normalize/raw-row';
import { suggestMapping } from '../../electron/core/import/mapping/suggest';

describe('dates', () => {
  it.each([
    ['2022-03-04', 'auto', '2022-03-04', null],
    ['04.03.2022', 'auto', '2022-03-04', null],
    ['20220304', 'auto', '2022-03-04', null],
    ['25/03/2022', 'auto', '2022-03-25', null],
    ['03/25/2022', 'auto', '2022-03-25', null],
    ['03/04/2022', 'auto', null, 'ambiguous_date'],
    ['03/04/2022', 'mdy', '2022-03-04', null],
    ['03/04/2022', 'dmy', '2022-04-03', null],
    ['44621', 'auto', '2022-03-01', null],
    ['31.02.2022', 'auto', null, 'bad_date'],
    ['2022-13-45', 'auto', null, 'bad_date'],
    ['00.00.0000', 'auto', null, 'bad_date'],
    ['не указана', 'auto', null, 'bad_date'],
    ['#########', 'auto', null, 'bad_date'],
    ['2022/02/30', 'auto', null, 'bad_date'],
    ['2024-02-29', 'auto', '2024-02-29', null],
    ['2023-02-29', 'auto', null, 'bad_date'],
    ['1900-02-29', 'auto', null, 'bad_date'],
    ['2000-02-29', 'auto', '2000-02-29', null],
    ['2022-04-31', 'auto', null, 'bad_date'],
    ['2022-00-10', 'auto', null, 'bad_date'],
    ['1899-12-31', 'auto', null, 'bad_date'],
    ['2022-1a-04', 'auto', null, 'bad_date'],
    ['', 'auto', null, null],
  ] as const)('%s (%s) → %s %s', (text, order, value, flag) => {
    expect(parseDate(text, order)).toEqual({ value, flag });
  });
});

describe('numbers', () => {
  it.each([
    ['1234.5', 1234.5, null],
    ['1 234,5', 1234.5, null],
    ['1,234.50', 1234.5, null],
    ['1.234.567,89', 1234567.89, null],
    ['12,5', 12.5, null],
    ['1,234,567', 1234567, null],
    ['-12.5', -12.5, 'negative_number'],
    ['(12)', -12, 'negative_number'],
    ['N/A', null, 'bad_number'],
    ['#VALUE!', null, 'bad_number'],
    ['1O5.2', null, 'bad_number'],
    ['12,345.67.8', null, 'bad_number'],
    ['—', null, 'bad_number'],
    ['', null, null],
  ] as const)('%s → %s', (text, value, flag) => {
    expect(parseNumber(text, 'auto')).toEqual({ value, flag });
  });

  it('knows which texts String(Number(text)) gives back unchanged (they need no raw copy)', () => {
    const numberText = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.stringMatching(/^-?\d{1,18}(\.\d{0,18})?$/),
      fc.constantFrom(
        '0',
        '-0',
        '0.0000001',
        '0.000001',
        '1e21',
        '1.',
        '.5',
        '01',
        '1.50',
        '123456789012345',
        '1234567890123456',
      ),
    );
    fc.assert(
      fc.property(numberText, (f) => {
        if (isCanonicalNumber(f)) expect(String(Number(f))).toBe(f);
      }),
      { numRuns: 20_000 },
    );
    for (const f of ['0', '-0.5', '17975.175', '123456789012345', '0.000001'])
      expect(isCanonicalNumber(f), f).toBe(true);
    for (const f of ['-0', '1.50', '01', '.5', '1.', '0.0000001', '1234567890123456', '1e5', '', '-'])
      expect(isCanonicalNumber(f), f).toBe(false);
  });
});

describe('HS codes', () => {
  it('keeps leading zeros, strips dots and spaces, restores a lost zero, flags odd forms', () => {
    expect(normalizeHs('8807300000')).toEqual({ value: '8807300000', flag: null });
    expect(normalizeHs('0303890000')).toEqual({ value: '0303890000', flag: null });
    expect(normalizeHs('8807.30.00')).toEqual({ value: '88073000', flag: 'hs_format' });
    expect(normalizeHs('8807 30 000 0')).toEqual({ value: '8807300000', flag: 'hs_format' });
    expect(normalizeHs('303890000')).toEqual({ value: '0303890000', flag: 'hs_format' });
    expect(normalizeHs('abc')).toEqual({ value: null, flag: 'hs_format' });
  });
});

describe('countries', () => {
  it.each([
    ['RU', 'RU'],
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['Россия', 'RU'],
    ['俄罗斯', 'RU'],
    ['中国', 'CN'],
    ['China', 'CN'],
    ['中国香港', 'HK'],
    ['阿联酋', 'AE'],
    ['United Arab Emirates', 'AE'],
    ['Turkey', 'TR'],
    ['Казахстан', 'KZ'],
    ['吉尔吉斯斯坦', 'KG'],
    ['Atlantis', 'Atlantis'],
  ])('%s → %s', (text, code) => {
    expect(normalizeCountry(text)).toBe(code);
  });
});

describe('CSV parsing', () => {
  const parseAll = (text: string, delimiter: string, chunk: number) => {
    const p = new CsvParser(delimiter);
    const out: string[][] = [];
    for (let i = 0; i < text.length; i += chunk)
      p.push(text.slice(i, i + chunk), i + chunk >= text.length, (f) => out.push(f));
    if (text.length === 0) p.push('', true, (f) => out.push(f));
    return out;
  };
  const quote = (v: string, d: string) =>
    /["\r\n]/.test(v) || v.includes(d) || v === '' ? `"${v.replace(/"/g, '""')}"` : v;

  it('reads any table written per RFC 4180, whatever the chunk boundaries', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Я', '中', ',', ';', '"', '\n', '\r\n', ' ', 'x'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 40 }),
        (rows, d, chunk) => {
          const text = rows.map((r) => r.map((v) => quote(v, d)).join(d)).join('\r\n') + '\r\n';
          expect(parseAll(text, d, chunk)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a quoted multi-line record once and reports a quote never closed', () => {
    expect(parseAll('a,"b\nc",d\ne,f,g', ',', 3)).toEqual([
      ['a', 'b\nc', 'd'],
      ['e', 'f', 'g'],
    ]);
    const problems: (string | null)[] = [];
    new CsvParser(',').push('a,"never closed\nx,y', true, (_f, _s, _a, _b, p) => problems.push(p));
    expect(problems).toEqual(['a quoted field is never closed']);
  });

  it('sniffs the delimiter, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1;"x,y,z";3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
    expect(sniffDelimiter('a,b,c\n"1;2",2,3\n')).toBe(',');
  });
});

describe('encoding detection', () => {
  it('tells UTF-8, BOMs and legacy encodings apart', () => {
    const ru = 'ОТПРАВИТЕЛЬ,ПОЛУЧАТЕЛЬ,ОПИСАНИЕ ТОВАРА\nООО Ромашка,АО Вектор,ЧАСТИ ВЕРТОЛЕТОВ\n'.repeat(20);
    expect(detectEncoding(Buffer.from(ru)).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ru)]))).toMatchObject({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ru, 'utf16le')]))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(new Uint8Array(Buffer.from(ru, 'utf16le'))).encoding).toBe('utf-16le');
  });
});

describe('mapping suggestions from header names', () => {
  it('maps English, Russian and Chinese headers', () => {
    expect(
      suggestMapping(['Shipper Name', 'Consignee', 'HS Code', 'Shipment Date', 'Value (USD)', 'Country of Origin']),
    ).toEqual({
      'Shipper Name': 'shipper',
      Consignee: 'consignee',
      'HS Code': 'hsCode',
      'Shipment Date': 'date',
      'Value (USD)': 'valueUsd',
      'Country of Origin': 'originCountry',
    });
    expect(suggestMapping(['Отправитель', 'Получатель', 'Код ТН ВЭД', 'Дата', 'Описание товара', 'Вес нетто'])).toEqual(
      {
        Отправитель: 'shipper',
        Получатель: 'consignee',
        'Код ТН ВЭД': 'hsCode',
        Дата: 'date',
        'Описание товара': 'description',
        'Вес нетто': 'netKg',
      },
    );
    expect(suggestMapping(['发货人', '收货人', '商品编码', '日期', '商品名称', '原产国'])).toEqual({
      发货人: 'shipper',
      收货人: 'consignee',
      商品编码: 'hsCode',
      日期: 'date',
      商品名称: 'description',
      原产国: 'originCountry',
    });
  });
});

describe('raw rows', () => {
  it('rebuilds any row exactly from its normalized values and stored delta', () => {
    const columns = ['D', 'S', 'C', 'HS', 'Q', 'V', 'CC', 'X', 'S2'];
    const mapping = {
      columns: {
        D: 'date',
        S: 'shipper',
        C: 'consignee',
        HS: 'hsCode',
        Q: 'quantity',
        V: 'valueUsd',
        CC: 'originCountry',
        S2: 'shipper',
      },
    } as const;
    const normalize = compileNormalizer(columns, mapping);
    const number = fc.oneof(
      fc.double({ noNaN: true }).map(String),
      fc.integer().map(String),
      fc.constantFrom(
        '0.0000001',
        '0.000001',
        '1.50',
        '007',
        '-0',
        '1e5',
        '12,5',
        '1 234',
        ' 12',
        '100599.1',
        '17975.175',
        'N/A',
        '',
      ),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('', ' a ', 'CN', 'Китай', '2022-03-04', '04.03.2022', '8807.30', '0303890000'),
    );
    fc.assert(
      fc.property(fc.tuple(text, text, text, text, number, number, text, text, text), (row) => {
        const fields = [...row];
        const n = normalize(fields);
        expect(rebuildRaw(n.values, n.rawDelta, columns, mapping)).toEqual(fields);
      }),
      { numRuns: 2000 },
    );
  });
});
