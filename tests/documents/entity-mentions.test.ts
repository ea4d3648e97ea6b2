import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchableName } from '../../electron/core/documents/entity-mentions';
import { FIXTURES, SAMPLES, must, tempCase } from '../helpers/temp';

const ARTICLE = join(FIXTURES, 'documents', 'china-russia-defense-trade-article.pdf');

describe('entities mentioned in documents', () => {
  it('looks for names without their legal forms, in any script', () => {
    expect(searchableName('JSC Ulan-Ude Aviation Plant')).toBe('Ulan Ude Aviation Plant');
    expect(searchableName('АО «Улан-Удэнский авиационный завод»')).toBe('Улан Удэнский авиационный завод');
    expect(searchableName('Poly Technologies Inc.')).toBe('Poly Technologies');
    expect(searchableName('保利科技有限公司')).toBe('保利科技');
    expect(searchableName('LLC')).toBe('LLC');
  });

  it('lists the pages of the article that name the aviation plant, each found where pdftotext finds it', async () => {
    const { core } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    await must(core, 'documents.add', { paths: [ARTICLE] });
    await must(core, 'entities.resolve', {});
    const [plant] = await must(core, 'entities.list', { query: 'Ulan-Ude Aviation Plant', limit: 1 });
    expect(plant).toBeDefined();
    const mentions = await must(core, 'entities.documents', { id: plant!.id });
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) {
      const page = execFileSync('pdftotext', ['-f', String(m.page), '-l', String(m.page), ARTICLE, '-'], {
        encoding: 'utf8',
      });
      expect(page.replace(/[\s-]+/g, ' ').toLowerCase()).toContain(m.text.replace(/[\s-]+/g, ' ').toLowerCase());
      expect(m.snippet).toContain(m.text);
    }
    // A decoy that the article never names has no mentions.
    const [loco] = await must(core, 'entities.list', { query: 'локомотиворемонтный', limit: 1 });
    if (loco) expect(await must(core, 'entities.documents', { id: loco.id })).toEqual([]);
  });
});
