import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../electron/core/documents/mentions';
import { FIXTURES, must, tempCase } from '../helpers/temp';

describe('names mentioned in documents (what the entity pages will show)', () => {
  it('finds every place a name is written, with offsets into its page, from the index', async () => {
    const { core, dir } = await tempCase();
    const ru = join(dir, 'ru.txt');
    writeFileSync(ru, 'Поставки на Улан-Удэнский авиационный завод.\n\nЕщё раз: УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД.');
    const zh = join(dir, 'zh.txt');
    writeFileSync(zh, '保利科技有限公司出口直升机零件。保利科技再次出口。');
    const [pdf] = await must(core, 'documents.add', {
      paths: [join(FIXTURES, 'documents', 'china-russia-defense-trade-article.pdf'), ru, zh],
    });
    const db = core.session!.db;
    const uuaz = findMentions(db, 'Ulan-Ude Aviation Plant');
    expect(uuaz.map((m) => [m.documentId, m.page])).toEqual([
      [pdf!.documentId, 1],
      [pdf!.documentId, 4],
    ]);
    for (const m of uuaz) {
      const text = (await must(core, 'documents.page', { id: m.documentId, page: m.page })).text;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.text.replace(/\s+/g, ' ')).toBe('Ulan Ude Aviation Plant');
    }
    expect(findMentions(db, 'Улан-Удэнский авиационный завод').map((m) => m.text)).toEqual([
      'Улан-Удэнский авиационный завод',
      'УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД',
    ]);
    expect(findMentions(db, '保利科技').map((m) => m.start)).toEqual([0, 16]);
    expect(findMentions(db, 'Poly Technologies')).toEqual([]);
    // Whole words only: "Poly" is in "Poly Applied sciences" but "Pol" is not a name there.
    expect(findMentions(db, 'Poly').length).toBeGreaterThan(0);
    expect(findMentions(db, 'Pol')).toEqual([]);
  });
});
