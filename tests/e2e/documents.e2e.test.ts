import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../documents/make-pdf';
import { REPO, SAMPLES, browserOrSkip, cli, launch, screenshotPath, serve, type Served } from './harness';

const run = browserOrSkip();
const DOCS = resolve(REPO, '../shared/fixtures/documents');

describe.runIf(run)('documents in the browser', () => {
  let browser: Browser;
  let served: Served;
  let dir: string;
  let casePath: string;
  // A server standing for "the internet": no document may make a request to it.
  let remote: Server;
  let remoteBase: string;
  const remoteHits: string[] = [];
  let ids: { pdf: number; hostile: number; scripted: number };

  beforeAll(async () => {
    remote = createServer((req, res) => {
      remoteHits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((ok) => remote.listen(0, '127.0.0.1', ok));
    remoteBase = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'custodian-e2e-docs-'));
    casePath = join(dir, 'docs.case');
    cli(['new', casePath, '--title', 'Documents e2e']);
    const hostile = join(dir, 'hostile.html');
    writeFileSync(
      hostile,
      `<!doctype html><html><head><title>Hostile notice</title><script src="${remoteBase}/script.js"></script>
       <script>parent.document.title = 'PWNED'; fetch('${remoteBase}/fetch');</script>
       <link rel="stylesheet" href="${remoteBase}/style.css"></head>
       <body onload="fetch('${remoteBase}/onload')"><article><h1>Hostile notice</h1>
       <p>Poly Technologies shipped tail rotor blades to the Ulan-Ude plant.</p>
       <p><img src="${remoteBase}/pixel.gif" alt="pixel"><iframe src="${remoteBase}/frame"></iframe></p>
       <form action="${remoteBase}/form"><input name="q"></form></article></body></html>`,
    );
    const scripted = join(dir, 'scripted.pdf');
    writeFileSync(
      scripted,
      makePdf({
        title: 'Scripted invoice',
        pages: [['Invoice: radio navigation apparatus']],
        javascript: `app.launchURL("${remoteBase}/js", true); this.submitForm("${remoteBase}/submit");`,
      }),
    );
    const added = cli([
      'add-doc',
      casePath,
      join(DOCS, 'china-russia-defense-trade-article.pdf'),
      hostile,
      scripted,
    ]) as { documentId: number }[];
    ids = { pdf: added[0]!.documentId, hostile: added[1]!.documentId, scripted: added[2]!.documentId };
    cli(['import', casePath, join(SAMPLES, 'bol-2k.csv'), '--preset', 'bol']);
    served = await serve([casePath]);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await new Promise<void>((ok) => remote.close(() => ok()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function openSection(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.getByRole('button', { name: /^Documents/ }).click();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    return { page, requests, errors };
  }

  it('shows a hostile HTML page as static text: no script runs, nothing remote loads', async () => {
    const { page, requests, errors } = await openSection();
    await page.getByRole('button', { name: 'Hostile notice' }).first().click();
    const frame = page.frameLocator('iframe[title="Document content"]');
    await expect.poll(() => frame.getByText('Poly Technologies shipped tail rotor blades').isVisible()).toBe(true);
    await expect.poll(() => frame.getByText('[image: pixel]').isVisible()).toBe(true);
    expect(await frame.locator('script, iframe, form, input').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.title()).not.toBe('PWNED');
    expect(remoteHits).toEqual([]);
    expect(requests.filter((u) => u.startsWith(remoteBase))).toEqual([]);
    // Every request the page made went to the bridge's own origin (or stayed inside the page).
    const origin = new URL(served.url).origin;
    expect(
      requests.filter(
        (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:srcdoc',
      ),
    ).toEqual([]);
    await page.screenshot({ path: screenshotPath('documents-hostile-html') });

    // Text selected inside the sandboxed frame becomes an excerpt of the page it is on.
    const frameDoc = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await frameDoc.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent?.includes('Poly Technologies shipped'))!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await expect.poll(() => page.getByLabel('Selected text').textContent()).toContain('Poly Technologies shipped');
    await page.getByRole('button', { name: 'Create excerpt from selection' }).click();
    await page.getByText(/Excerpt \d+ saved/).waitFor();
    const excerpt = (
      cli(['excerpts', casePath, '--document', String(ids.hostile)]) as {
        page: number;
        start: number;
        end: number;
        quote: string;
      }[]
    )[0]!;
    expect(excerpt.quote).toBe('Poly Technologies shipped tail rotor blades to the Ulan-Ude plant.');
    const pageText = (cli(['doc-page', casePath, String(ids.hostile), String(excerpt.page)]) as { text: string }).text;
    expect(pageText.slice(excerpt.start, excerpt.end)).toBe(excerpt.quote);
    expect(remoteHits).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a PDF with JavaScript as a page, running none of it', async () => {
    const { page, requests, errors } = await openSection();
    await page.getByRole('button', { name: 'Scripted invoice' }).first().click();
    await expect
      .poll(() => page.locator('.textLayer').textContent(), { timeout: 30_000 })
      .toContain('radio navigation apparatus');
    await page.waitForTimeout(500);
    expect(remoteHits).toEqual([]);
    expect(requests.filter((u) => u.startsWith(remoteBase))).toEqual([]);
    expect(await page.getByText('contains JavaScript (never run)').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('searches records and documents together and opens either kind of hit', async () => {
    const { page, errors } = await openSection();
    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByRole('searchbox', { name: 'Search the case' }).fill('helicopter');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('button', { name: /^Record/ }).count()).toBeGreaterThan(0);
    expect(await results.getByRole('button', { name: /^Document/ }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('documents-mixed-search') });
    await results
      .getByRole('button', { name: /^Record/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('region', { name: 'Provenance' }).textContent()).toContain('bol-2k.csv');
    await results
      .getByRole('button', { name: /^Document/ })
      .first()
      .click();
    await page.getByRole('group', { name: 'Pages' }).waitFor();
    await expect.poll(() => page.locator('.textLayer mark.hit').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await page.locator('.textLayer mark.hit').allTextContents()).join(' ').toLowerCase()).toContain(
      'helicopter',
    );
    expect(errors).toEqual([]);
  });

  it('finds "Ulan Ude", opens the PDF at the hit’s page with the terms marked, and cuts an excerpt from a selection', async () => {
    const { page, errors } = await openSection();
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('Ulan Ude');
    const results = page.getByRole('region', { name: 'Search results' });
    await expect.poll(() => results.getByRole('button').count()).toBeGreaterThan(0);
    const first = results.getByRole('button', { name: /Chinese state defense firms/ }).first();
    const label = (await first.textContent()) ?? '';
    const hitPage = Number(/page (\d+)/.exec(label)![1]);
    await first.click();
    await page.getByRole('group', { name: 'Pages' }).waitFor();
    expect(await page.getByRole('spinbutton', { name: 'Page number' }).inputValue()).toBe(String(hitPage));
    // The canvas is drawn and the text layer carries the marked terms.
    await expect.poll(() => page.locator('.textLayer mark.hit').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const marked = (await page.locator('.textLayer mark.hit').allTextContents()).join(' ');
    expect(marked).toMatch(/Ulan|Ude/);
    await page.screenshot({ path: screenshotPath('documents-pdf-hit') });

    // Select the words of the line with the hit and cut an excerpt.
    const selected = await page.evaluate(() => {
      const span =
        document.querySelector('.textLayer mark.hit')!.closest('span:not(.markedContent)') ??
        document.querySelector('.textLayer mark.hit')!.parentElement!;
      const range = document.createRange();
      range.selectNodeContents(span);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    });
    expect(selected).toMatch(/Ulan Ude/);
    await page.getByPlaceholder('Note (optional)').fill('U-UAZ named in the article');
    await page.getByRole('button', { name: 'Create excerpt from selection' }).click();
    await page.getByText(/Excerpt \d+ saved/).waitFor();
    const excerpts = cli(['excerpts', casePath]) as {
      documentId: number;
      page: number;
      start: number;
      end: number;
      quote: string;
      note: string;
    }[];
    const e = excerpts.find((x) => x.note === 'U-UAZ named in the article')!;
    expect(e.documentId).toBe(ids.pdf);
    expect(e.page).toBe(hitPage);
    const text = (cli(['doc-page', casePath, String(ids.pdf), String(hitPage)]) as { text: string }).text;
    expect(text.slice(e.start, e.end)).toBe(e.quote);
    expect(e.quote.replace(/\s+/g, ' ')).toContain(selected.replace(/\s+/g, ' ').trim());
    // The excerpt is listed with the document and opens at its place.
    await expect
      .poll(() => page.getByRole('region', { name: 'Excerpts' }).getByText('U-UAZ named in the article').isVisible())
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
