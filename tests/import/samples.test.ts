import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustomsRecord, RecordFlag } from '../../shared/domain/records';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { dirtByRow, SAMPLE_PRESETS } from './helpers';

/** The label kinds that must show as a flag on the imported record. */
const FLAG_FOR: Record<string, RecordFlag[]> = {
  missing_party: ['missing_party'],
  bad_date: ['bad_date'],
  ambiguous_date: ['ambiguous_date'],
  bad_number: ['bad_number', 'negative_number'],
  hs_format: ['hs_format'],
  formula: ['formula'],
};
const NOT_IMPORTED = new Set(['duplicate', 'extra_columns', 'total_row']);

describe('every sample imports with its preset and agrees with its labels', () => {
  for (const s of SAMPLE_PRESETS) {
    it(s.file, async () => {
      const { core } = await tempCase();
      const sum = await must(core, 'import.run', { path: join(SAMPLES, s.file), preset: s.preset });
      expect(sum.alreadyImported).toBe(false);
      expect(sum.rowsRead).toBe(s.rows + (s.total ? 1 : 0));
      expect(sum.rowsImported + sum.rowsRejected + sum.duplicates).toBe(sum.rowsRead);
      expect(sum.replacementChars).toBe(0);

      const dirt = dirtByRow(s.file);
      const count = (k: string) => [...dirt.values()].filter((d) => d === k).length;
      expect(sum.duplicates).toBe(count('duplicate'));
      expect(sum.rowsRejected).toBe(count('extra_columns') + count('total_row'));

      const records = await must(core, 'records.list', { importId: sum.importId, limit: 100_000 });
      const byRow = new Map<number, CustomsRecord>(records.map((r) => [r.row, r]));
      expect(records.length).toBe(sum.rowsImported);
      for (let row = 1; row <= sum.rowsRead; row++) {
        const kind = dirt.get(row);
        const rec = byRow.get(row);
        if (kind && NOT_IMPORTED.has(kind)) {
          expect(rec, `row ${row} (${kind}) must not be imported`).toBeUndefined();
          continue;
        }
        expect(rec, `row ${row} must be imported`).toBeDefined();
        const want = kind ? FLAG_FOR[kind] : undefined;
        if (want)
          expect(
            rec!.flags.some((f) => want.includes(f)),
            `row ${row} (${kind}) flags ${rec!.flags.join(',')}`,
          ).toBe(true);
        else expect(rec!.flags, `row ${row} (${kind ?? 'clean'}) must carry no flag`).toEqual([]);
      }

      const rejects = await must(core, 'rejects.list', { importId: sum.importId });
      for (const r of rejects) {
        const kind = dirt.get(r.row);
        expect(
          kind === 'duplicate' || kind === 'extra_columns' || kind === 'total_row',
          `reject row ${r.row}: ${r.reason}`,
        ).toBe(true);
        expect(r.raw.length).toBeGreaterThan(0);
        if (kind === 'duplicate') {
          // The generator's duplicate copies the row before it; the reject list says so.
          expect(r.duplicateOf).toBe(r.row - 1);
          expect(r.reason).toContain(`row ${r.row - 1}`);
        }
      }
      expect(sum.rowsFlagged).toBe(records.filter((r) => r.flags.length > 0).length);
    });
  }

  it('normalizes values: dates, HS codes with leading zeros and HS6, countries, numbers', async () => {
    const { core } = await tempCase();
    const cn = await must(core, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' });
    const recs = await must(core, 'records.list', { importId: cn.importId, limit: 5 });
    for (const r of recs) {
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.hsCode).toMatch(/^\d{8}$/);
      expect(r.hs6).toBe(r.hsCode!.slice(0, 6));
      expect(r.originCountry).toMatch(/^[A-Z]{2}$/);
      expect(r.tradingCountry).toMatch(/^[A-Z]{2}$/);
      expect(typeof r.valueUsd).toBe('number');
      expect(['import', 'export']).toContain(r.direction);
    }
    const pj = await must(core, 'import.run', { path: join(SAMPLES, 'panjiva-2k.csv'), preset: 'panjiva' });
    const p = await must(core, 'records.list', { importId: pj.importId, limit: 50 });
    expect(
      p.every((r) => /^[A-Z]{2}$/.test(r.shipperCountry ?? '') && /^[A-Z]{2}$/.test(r.consigneeCountry ?? '')),
    ).toBe(true);
    // A lost leading zero is restored and flagged (hs_format).
    const hsRows = [...dirtByRow('ru-customs-2k.csv')].filter(([, k]) => k === 'hs_format').map(([r]) => r);
    const ru = await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    const all = await must(core, 'records.list', { importId: ru.importId, limit: 5000 });
    for (const row of hsRows) {
      const r = all.find((x) => x.row === row)!;
      expect(r.hsCode === null || /^\d+$/.test(r.hsCode)).toBe(true);
      if (r.hsCode) expect(r.hsCode.length % 2).toBe(0);
    }
  });

  it('keeps provenance: the raw values of a record as they were in the file', async () => {
    const { core } = await tempCase();
    const sum = await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    const multiline = [...dirtByRow('ru-customs-2k.csv')].find(([, k]) => k === 'multiline')![0];
    const rec = (await must(core, 'records.list', { importId: sum.importId, limit: 5000 })).find(
      (r) => r.row === multiline,
    );
    expect(rec!.row).toBe(multiline);
    const detail = await must(core, 'records.get', { id: rec!.id });
    expect(detail.provenance.row).toBe(multiline);
    expect(detail.provenance.fileName).toBe('ru-customs-2k.csv');
    expect(detail.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.provenance.raw).toHaveLength(24);
    expect(detail.provenance.columns[10]).toBe('GOODS_DESCRIPTION');
    expect(detail.provenance.raw[10]).toContain('\n');
    expect(detail.provenance.raw[10]!.trim()).toBe(rec!.description);
  });

  for (const file of [
    'ru-customs-2k.csv',
    'bol-2k.csv',
    'panjiva-2k.csv',
    'cn-customs-1k.csv',
    'ru-customs-500.jsonl',
  ]) {
    it(`rebuilds every imported row of ${file} exactly as read (an independent parser agrees)`, async () => {
      const { core } = await tempCase();
      const preset = SAMPLE_PRESETS.find((s) => s.file === file)!.preset;
      const sum = await must(core, 'import.run', { path: join(SAMPLES, file), preset });
      const text = readFileSync(join(SAMPLES, file), 'utf8');
      const expected: string[][] = file.endsWith('.jsonl')
        ? text
            .trim()
            .split('\n')
            .map((l) => Object.values(JSON.parse(l) as Record<string, unknown>).map((v) => String(v)))
        : (parse(text, { relax_column_count: true }) as string[][]).slice(1);
      const records = await must(core, 'records.list', { importId: sum.importId, limit: 100_000 });
      expect(records.length).toBe(sum.rowsImported);
      for (const r of records) {
        const detail = await must(core, 'records.get', { id: r.id });
        expect(detail.provenance.raw, `row ${r.row}`).toEqual(expected[r.row - 1]);
      }
    });
  }
});
