import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { custodian } from '../helpers/cli';
import { createCore } from '../../electron/core/create-core';
import type { CoreContext } from '../../electron/core/context';
import { FIXTURES, must } from '../helpers/temp';

const DOCS = join(FIXTURES, 'documents');
const ARTICLE = 'china-russia-defense-trade-article';
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const pdftotextPage = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
const pdfinfoPages = (pdf: string) =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
/** "Ulan Ude" is found when each of its words is, in any case, in the text (as FTS matches it). */
const hasWords = (text: string, query: string) =>
  query.split(/\s+/).every((w) => text.toLowerCase().includes(w.toLowerCase()));

interface Added {
  documentId: number;
  sha256: string;
  pages: number;
  title: string;
  alreadyAdded: boolean;
}
interface Hit {
  kind: 'record' | 'document';
  id: number;
  page?: number;
  snippet: string;
}

describe('the article fixtures through the CLI', () => {
  let casePath: string;
  let added: Added[];
  const files = ['pdf', 'html', 'txt'].map((ext) => join(DOCS, `${ARTICLE}.${ext}`));

  let dir: string;
  let core: CoreContext;
  // One case for the whole file (tempDir() is per test).
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'custodian-docs-'));
    casePath = join(dir, 'docs.case');
    expect(custodian(['new', casePath, '--title', 'Documents']).status).toBe(0);
    const r = custodian(['add-doc', casePath, ...files, '--source-url', 'https://example.org/article', '--json']);
    expect(r.stderr).toBe('');
    added = r.json<Added[]>();
    // Page texts are read in-process (the CLI is what is under test for adding, searching and cutting).
    core = createCore({ appDataDir: join(dir, 'app'), sampleDir: dir, actor: 'tester' });
  });
  afterAll(() => {
    core.session?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const pageText = async (id: number, page: number) => {
    if (!core.session) await must(core, 'case.open', { path: casePath });
    return (await must(core, 'documents.page', { id, page })).text;
  };

  it('adds the PDF with its SHA-256 and the page count pdfinfo reports; adding it again returns the same document', () => {
    const pdf = files[0]!;
    expect(added[0]!.sha256).toBe(sha256(pdf));
    expect(added[0]!.pages).toBe(pdfinfoPages(pdf));
    expect(added[0]!.title).toMatch(/Chinese state defense firms/);
    expect(added.map((a) => a.sha256)).toEqual(files.map(sha256));
    const again = custodian(['add-doc', casePath, pdf, '--json']).json<Added[]>();
    expect(again).toHaveLength(1);
    expect(again[0]!.documentId).toBe(added[0]!.documentId);
    expect(again[0]!.alreadyAdded).toBe(true);
    const docs = custodian(['docs', casePath, '--json']).json<{ id: number; sourceUrl: string }[]>();
    expect(docs).toHaveLength(3);
    expect(docs[0]!.sourceUrl).toBe('https://example.org/article');
  });

  it.each(['Ulan Ude', 'Poly', 'helicopter'])(
    'search "%s" finds PDF pages where pdftotext finds the words, and the HTML and text versions',
    async (query) => {
      const hits = custodian(['search', casePath, query, '--json'])
        .json<Hit[]>()
        .filter((h) => h.kind === 'document');
      const [pdfId, htmlId, txtId] = added.map((a) => a.documentId) as [number, number, number];
      const pdfHits = hits.filter((h) => h.id === pdfId);
      expect(pdfHits.length).toBeGreaterThan(0);
      for (const h of pdfHits) {
        expect(hasWords(pdftotextPage(files[0]!, h.page!), query), `PDF page ${h.page}`).toBe(true);
        expect(hasWords(h.snippet, query)).toBe(true);
      }
      // Every PDF page pdftotext finds the words on is found.
      const expected = Array.from({ length: added[0]!.pages }, (_, i) => i + 1).filter((p) =>
        hasWords(pdftotextPage(files[0]!, p), query),
      );
      expect(pdfHits.map((h) => h.page).sort()).toEqual(expected);
      for (const [id, file] of [
        [htmlId, files[1]!],
        [txtId, files[2]!],
      ] as const) {
        const docHits = hits.filter((h) => h.id === id);
        expect(docHits.length, file).toBeGreaterThan(0);
        expect(hasWords(readFileSync(file, 'utf8'), query)).toBe(true);
        for (const h of docHits) {
          expect(hasWords(await pageText(id, h.page!), query), `${file} page ${h.page}`).toBe(true);
        }
      }
    },
  );

  it('says "Poly Applied sciences", not "Poly Technologies": search finds only what is there', () => {
    const applied = custodian(['search', casePath, 'Poly Applied', '--json']).json<Hit[]>();
    expect(applied.filter((h) => h.kind === 'document').length).toBeGreaterThan(0);
    const technologies = custodian(['search', casePath, 'Poly Technologies', '--json']).json<Hit[]>();
    expect(technologies.filter((h) => h.kind === 'document')).toEqual([]);
  });

  it('cuts an excerpt via the CLI whose quote is on its page at its offsets, even typed on one line', async () => {
    const pdfId = added[0]!.documentId;
    // On the page the quote runs over a line break; typed here with a plain space.
    const quote = 'Ulan Ude Aviation Plant, a purveyor of military-grade helicopters';
    const r = custodian([
      'excerpt',
      casePath,
      String(pdfId),
      '--page',
      '1',
      '--quote',
      quote,
      '--note',
      'U-UAZ as trade partner',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    const e = r.json<{ excerptId: number; page: number; start: number; end: number; quote: string }>();
    expect(e.page).toBe(1);
    expect((await pageText(pdfId, 1)).slice(e.start, e.end)).toBe(e.quote);
    const viaCli = custodian(['doc-page', casePath, String(pdfId), '1', '--json']).json<{ text: string }>();
    expect(viaCli.text.slice(e.start, e.end)).toBe(e.quote);
    expect(e.quote.replace(/\s+/g, ' ')).toBe(quote);
    expect(pdftotextPage(files[0]!, 1).replace(/\s+/g, ' ')).toContain(quote);
    const listed = custodian(['excerpts', casePath, '--json']).json<{ id: number; note: string }[]>();
    expect(listed.find((x) => x.id === e.excerptId)?.note).toBe('U-UAZ as trade partner');
  });

  it('refuses a quote that is not on the page, and bad usage, clearly', () => {
    const pdfId = String(added[0]!.documentId);
    const missing = custodian([
      'excerpt',
      casePath,
      pdfId,
      '--page',
      '2',
      '--quote',
      'Ulan Ude Aviation Plant, a purveyor',
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/not on page 2/);
    expect(custodian(['excerpt', casePath, pdfId, '--quote', 'x']).status).toBe(2);
    const noPage = custodian(['excerpt', casePath, pdfId, '--page', '99', '--quote', 'Poly']);
    expect(noPage.status).toBe(1);
    expect(noPage.stderr).toMatch(/has 5 pages; there is no page 99/);
  });
});
