import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { must, SAMPLES, tempCase, tempDir } from '../helpers/temp';
import { generate } from './helpers';

/** The legacy-encoded samples and the generator arguments of their UTF-8 original (make-samples.sh). */
const ENCODED = [
  {
    file: 'ru-customs-300.cp1251.csv',
    preset: 'ru-customs',
    encoding: 'windows-1251',
    args: ['--schema', 'ru-customs', '--delimiter', ';', '--date-format', 'dmy'],
  },
  { file: 'ru-customs-300.utf8bom.csv', preset: 'ru-customs', encoding: 'utf-8', args: ['--schema', 'ru-customs'] },
  { file: 'bol-300.utf16le.csv', preset: 'bol', encoding: 'utf-16le', args: ['--schema', 'bol'] },
  { file: 'cn-customs-300.gb18030.csv', preset: 'cn-customs', encoding: 'gb18030', args: ['--schema', 'cn-customs'] },
];

async function snapshot(core: CoreContext, importId: number) {
  const recs = await must(core, 'records.list', { importId, limit: 10_000 });
  const out = [];
  for (const r of recs) {
    const { id: _id, importId: _imp, ...rest } = r;
    const detail = await must(core, 'records.get', { id: r.id });
    out.push({ ...rest, raw: detail.provenance.raw });
  }
  return out;
}

describe('legacy encodings import with text identical to their UTF-8 originals', () => {
  for (const e of ENCODED) {
    it(`${e.file} is detected as ${e.encoding} and matches the generator's UTF-8 output`, async () => {
      const utf8 = join(tempDir(), 'original.csv');
      generate(['--rows', '300', '--seed', '1', '--format', 'csv', '--dirty', '0.05', ...e.args], utf8);
      const { core } = await tempCase();
      const preview = await must(core, 'import.preview', { path: join(SAMPLES, e.file) });
      expect(preview.encoding).toBe(e.encoding);
      expect(preview.suggestedPreset).toBe(e.preset);
      expect(preview.replacementChars).toBe(0);
      const legacy = await must(core, 'import.run', { path: join(SAMPLES, e.file), preset: e.preset });
      const original = await must(core, 'import.run', { path: utf8, preset: e.preset });
      expect(legacy.encoding).toBe(e.encoding);
      expect(original.alreadyImported).toBe(false);
      expect({ ...legacy, importId: 0, encoding: '' }).toEqual({ ...original, importId: 0, encoding: '' });
      const a = await snapshot(core, legacy.importId);
      const b = await snapshot(core, original.importId);
      expect(a.length).toBeGreaterThan(250);
      expect(a).toEqual(b);
      const rejectsA = await must(core, 'rejects.list', { importId: legacy.importId });
      const rejectsB = await must(core, 'rejects.list', { importId: original.importId });
      expect(rejectsA).toEqual(rejectsB);
    });
  }

  it('a wrong encoding override is counted in replacement characters and warned about', async () => {
    const { core } = await tempCase();
    const sum = await must(core, 'import.run', {
      path: join(SAMPLES, 'ru-customs-300.cp1251.csv'),
      preset: 'ru-customs',
      encoding: 'utf-8',
    });
    expect(sum.replacementChars).toBeGreaterThan(100);
    expect(sum.warnings.join(' ')).toMatch(/replacement/);
    const flagged = await must(core, 'records.list', {
      importId: sum.importId,
      flag: 'encoding_replacement',
      limit: 1000,
    });
    expect(flagged.length).toBeGreaterThan(0);
  });

  it('an unknown encoding is refused with a clear message', async () => {
    const { core } = await tempCase();
    const r = await (
      await import('../../electron/core/dispatch')
    ).callToEnd(core, 'import.run', {
      path: join(SAMPLES, 'ru-customs-2k.csv'),
      preset: 'ru-customs',
      encoding: 'klingon-8',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Unknown encoding klingon-8/);
    expect((await must(core, 'case.info', {})).counts.records).toBe(0);
  });
});
