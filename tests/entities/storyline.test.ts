import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { readLabels, storylineCheck, pairwiseQuality } from './evaluate';

// Every sample the import reads: the storyline companies E0001–E0005 must each be one entity, never with a decoy.
const SAMPLE_FILES: [string, string][] = [
  ['ru-customs-2k.csv', 'ru-customs'],
  ['bol-2k.csv', 'bol'],
  ['panjiva-2k.csv', 'panjiva'],
  ['cn-customs-1k.csv', 'cn-customs'],
  ['ru-customs-500.jsonl', 'ru-customs'],
  ['ru-customs-1k.clean.csv', 'ru-customs'],
  ['ru-customs-300.cp1251.csv', 'ru-customs'],
  ['ru-customs-300.utf8bom.csv', 'ru-customs'],
  ['bol-300.utf16le.csv', 'bol'],
  ['cn-customs-300.gb18030.csv', 'cn-customs'],
];

describe('storyline companies on every sample', () => {
  for (const [file, preset] of SAMPLE_FILES) {
    it(`${file}: E0001–E0005 are one entity each and never merged with a decoy`, async () => {
      const path = join(SAMPLES, file);
      const labelsPath = path.replace(/\.(csv|jsonl)$/, '.labels.csv');
      expect(existsSync(labelsPath)).toBe(true);
      const { core } = await tempCase();
      await must(core, 'import.run', { path, preset });
      const summary = await must(core, 'entities.resolve', {});
      expect(summary.mentions).toBeGreaterThan(0);
      const mentions = await must(core, 'mentions.list', { limit: 1_000_000 });
      const labels = readLabels(labelsPath);
      const checks = storylineCheck(mentions, labels);
      expect(checks.length).toBeGreaterThan(0);
      for (const c of checks) {
        expect({ company: c.company, entities: c.entities.length, decoys: c.mixedWithDecoys }).toEqual({
          company: c.company,
          entities: 1,
          decoys: [],
        });
      }
      const q = pairwiseQuality(mentions, labels);
      expect(q.precision).toBeGreaterThan(0.95);
      expect(q.recall).toBeGreaterThan(0.85);
      core.session?.close();
    }, 60_000);
  }
});
