import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, tempCase } from '../helpers/temp';
import { makePdf } from './make-pdf';

const RU_TEXT = [
  'Акционерное общество «Улан-Удэнский авиационный завод» выпускает вертолёты Ми-171.',
  '',
  'Поставщик из Китая отправил лопасти рулевого винта и радиостанции.',
].join('\n');
const ZH_TEXT = [
  '保利科技有限公司向乌兰乌德航空工厂出口直升机零件。',
  '',
  '中国航空技术国际控股有限公司与俄罗斯联合发动机制造集团交易涡轮喷气发动机零件。',
].join('\n');

function html(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><nav>Главная · 首页 · Menu</nav><article>${body
    .split('\n')
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}

/** Each hit's page really holds every word of the query (case-insensitive), and each expected page is found. */
async function expectHits(core: Parameters<typeof must>[0], documentId: number, query: string, pages: number[]) {
  const hits = (await must(core, 'search.query', { query })).filter(
    (h) => h.kind === 'document' && h.id === documentId,
  );
  expect(hits.map((h) => h.page).sort(), `${query} in document ${documentId}`).toEqual(pages);
  for (const h of hits) {
    const page = await must(core, 'documents.page', { id: documentId, page: h.page! });
    for (const word of query.split(/\s+/)) expect(page.text.toLowerCase()).toContain(word.toLowerCase());
  }
}

describe('documents in Cyrillic and Chinese', () => {
  it('finds Russian words in text, HTML and PDF, ignoring case and ё/е', async () => {
    const { core, dir } = await tempCase();
    const txt = join(dir, 'ru.txt');
    writeFileSync(txt, RU_TEXT);
    const page = join(dir, 'ru.html');
    writeFileSync(page, html('ru', 'Завод', RU_TEXT));
    const pdf = join(dir, 'ru.pdf');
    writeFileSync(
      pdf,
      makePdf({
        script: 'cyrillic',
        pages: [['Первая страница без ключевых слов.'], ['АО Улан-Удэнский авиационный завод', 'вертолёты Ми-171']],
      }),
    );
    // The PDF is read by poppler the same way: the test file itself is sound.
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' })).toContain(
      'Улан-Удэнский',
    );
    const added = await must(core, 'documents.add', { paths: [txt, page, pdf] });
    expect(added.map((a) => a.textStatus)).toEqual(['text', 'text', 'text']);
    const [t, h, p] = added.map((a) => a.documentId) as [number, number, number];
    for (const id of [t, h]) {
      await expectHits(core, id, 'Улан-Удэнский', [1]);
      await expectHits(core, id, 'улан удэнский завод', [1]);
      await expectHits(core, id, 'радиостанции', [1]);
    }
    await expectHits(core, p, 'Улан-Удэнский завод', [2]);
    // ё and е are one letter to the index: "вертолеты" finds "вертолёты".
    const loose = (await must(core, 'search.query', { query: 'вертолеты' })).filter((x) => x.kind === 'document');
    expect(loose.map((x) => x.id).sort()).toEqual([t, h, p]);
    // The navigation bar of the HTML page is left out by Readability.
    const pages = await must(core, 'documents.pages', { id: h });
    expect(pages.map((x) => x.text).join('\n')).not.toContain('Главная');
  });

  it('finds Chinese terms of any length in text, HTML and PDF (the PDF needs pdf.js’s CJK cmaps)', async () => {
    const { core, dir } = await tempCase();
    const txt = join(dir, 'zh.txt');
    writeFileSync(txt, ZH_TEXT);
    const page = join(dir, 'zh.html');
    writeFileSync(page, html('zh', '保利科技', ZH_TEXT));
    const pdf = join(dir, 'zh.pdf');
    writeFileSync(
      pdf,
      makePdf({
        script: 'chinese',
        title: '报告',
        pages: [['第一页没有关键词。'], ['保利科技有限公司向乌兰乌德航空工厂出口直升机零件']],
      }),
    );
    const added = await must(core, 'documents.add', { paths: [txt, page, pdf] });
    const [t, h, p] = added.map((a) => a.documentId) as [number, number, number];
    expect((await must(core, 'documents.page', { id: p, page: 2 })).text).toBe(
      '保利科技有限公司向乌兰乌德航空工厂出口直升机零件',
    );
    for (const id of [t, h, p]) {
      const onPage = id === p ? [2] : [1];
      await expectHits(core, id, '保利科技', onPage); // trigram index
      await expectHits(core, id, '直升机零件', onPage);
      await expectHits(core, id, '保利', onPage); // two characters: no trigram, a scan
      await expectHits(core, id, '乌兰乌德 直升机', onPage); // two terms, both on the page
    }
    await expectHits(core, t, '涡轮喷气发动机', [1]);
    expect((await must(core, 'search.query', { query: '不存在的公司' })).filter((x) => x.kind === 'document')).toEqual(
      [],
    );
  });

  it('reads legacy encodings of text files: Windows-1251 and GB18030', async () => {
    const { core, dir } = await tempCase();
    const iconv = await import('iconv-lite');
    const ru = join(dir, 'ru-1251.txt');
    writeFileSync(ru, iconv.default.encode(RU_TEXT, 'win1251'));
    const zh = join(dir, 'zh-gb.txt');
    writeFileSync(zh, iconv.default.encode(ZH_TEXT, 'gb18030'));
    const [a, b] = await must(core, 'documents.add', { paths: [ru, zh] });
    expect((await must(core, 'documents.page', { id: a!.documentId, page: 1 })).text).toContain('Улан-Удэнский');
    expect((await must(core, 'documents.page', { id: b!.documentId, page: 1 })).text).toContain('保利科技有限公司');
  });
});
