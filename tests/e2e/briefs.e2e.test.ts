import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BriefSummary, BriefVersion } from '../../shared/domain/briefs';
import type { DiagramSummary, DiagramView } from '../../shared/domain/diagrams';
import type { CustomsRecord } from '../../shared/domain/records';
import type { JobStatus } from '../../shared/api/define';
import type { ScreeningHit } from '../../shared/domain/screening';
import { FTM_LINES } from '../screening/ftm-lines';
import { browserOrSkip, callApi, openCase, screenshotPath, servedSample } from './harness';

const run = browserOrSkip();

/**
 * A brief composed from the sample case as an investigator does it: a record
 * cited from Records, a shipment edge cited from the diagram, the composer
 * filled in and saved, the PDF previewed page by page and saved as a
 * download, and a reload that keeps it all.
 */
describe.runIf(run)('briefs in the browser', () => {
  const ctx = servedSample();
  let page: Page;
  const api = <T>(method: string, input: unknown) => callApi<T>(ctx.served, method, input);

  it('cites a record and a diagram edge, previews the PDF, saves it, and keeps it over a reload', async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openCase(page, ctx.served.url);

    // Records: open a record and cite it in a new brief, in a new finding.
    const [record] = await api<CustomsRecord[]>('records.list', { limit: 1 });
    await page.evaluate((id) => (location.hash = `#/records?record=${id}`), record!.id);
    await page.getByRole('button', { name: 'Cite in brief…' }).click();
    const choice = page.getByRole('dialog', { name: 'Cite which records?' });
    await choice.getByLabel(`The open record (#${record!.id})`).check();
    await choice.getByRole('button', { name: 'Continue' }).click();
    const cite = page.getByRole('dialog', { name: 'Cite in brief' });
    await cite.getByLabel('Title of the new brief').fill('Helicopter parts to Ulan-Ude');
    await cite.getByLabel('What the new finding says').fill('The first declaration names the plant.');
    await cite.getByRole('button', { name: 'Cite' }).click();
    await page.getByText('Cited in “Helicopter parts to Ulan-Ude”, finding 1 (version 1).').waitFor();

    // The diagram: the shipment edge Poly → plant, cited in a second finding of the same brief.
    const [sample] = await api<DiagramSummary[]>('diagrams.list', {});
    const view = await api<DiagramView>('diagrams.get', { id: sample!.id });
    const edge = view.edges.find((e) => e.kind === 'shipment' && (e.recordIds?.length ?? 0) > 1)!;
    await page.evaluate((id) => (location.hash = `#/diagrams/${id}`), sample!.id);
    await page.locator(`.edge-label[data-edge-id="${edge.id}"]`).click();
    const inspector = page.getByRole('complementary', { name: 'Selected edge' });
    await inspector.getByRole('button', { name: 'Cite in brief…' }).click();
    const cite2 = page.getByRole('dialog', { name: 'Cite in brief' });
    await expect.poll(() => cite2.getByRole('combobox').first().inputValue()).not.toBe('new');
    // Brief and Finding: the two choosers, in that order; the brief's finding is offered once it is read.
    const findingChooser = cite2.getByRole('combobox').nth(1);
    await expect.poll(() => findingChooser.locator('option').count()).toBe(2);
    await findingChooser.selectOption('new');
    await cite2.getByLabel('What the new finding says').fill('Poly Technologies shipped to the plant.');
    await cite2.getByRole('button', { name: 'Cite' }).click();
    await page.getByText('finding 2 (version 2)').waitFor();

    // The composer: both findings with their numbered citations; author and summary filled in, saved.
    const [brief] = await api<BriefSummary[]>('briefs.list', {});
    await page.evaluate(() => (location.hash = '#/briefs'));
    await page.getByRole('link', { name: 'Helicopter parts to Ulan-Ude' }).click();
    const finding2 = page.getByRole('listitem', { name: 'Finding 2' });
    await finding2.getByText(`${edge.recordIds!.length} customs records`, { exact: false }).waitFor();
    expect(await page.getByRole('listitem', { name: 'Finding 1' }).locator('.cite-number').textContent()).toBe('[1]');
    expect(await finding2.locator('.cite-number').textContent()).toBe('[2]');
    await page.getByLabel('Author').fill('A. Investigator');
    await page.getByLabel('Executive summary').fill('Poly Technologies supplied helicopter parts to the plant.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 3.').waitFor();
    const saved = await api<BriefVersion>('briefs.get', { id: brief!.id });
    expect(saved.content).toMatchObject({ author: 'A. Investigator', findings: [{}, {}] });
    expect(saved.content.findings[0]!.citations).toEqual([{ kind: 'records', ids: [record!.id] }]);
    expect(saved.content.findings[1]!.citations[0]).toMatchObject({ kind: 'records', ids: edge.recordIds });

    // Preview: the job renders it; the PDF viewer shows its pages.
    await page.getByRole('button', { name: 'Preview PDF' }).click();
    const pdf = page.locator('.brief-pdf canvas');
    await pdf.waitFor({ timeout: 120_000 });
    const pager = page.getByRole('complementary', { name: 'Preview' }).locator('.pager');
    await expect.poll(() => pager.textContent()).toMatch(/page 1 of \d+/);
    const pages = Number(/of (\d+)/.exec((await pager.textContent())!)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager.textContent()).toContain(`page 2 of ${pages}`);
    // pdf.js draws the page after the pager says so (the first time, after loading the document too).
    await page.locator('.brief-pdf .pdf-page[data-drawn="2"] canvas').waitFor();
    await page.screenshot({ path: screenshotPath('brief-composer') });

    // Save as… in a browser: a download of the very bytes the audit log hashed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save as…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Helicopter-parts-to-Ulan-Ude-v3.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audit = await api<{ action: string; detail: { sha256?: string } }[]>('audit.list', { limit: 20 });
    const rendered = audit.find((e) => e.action === 'briefs.render')!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(rendered.detail.sha256);

    // A reload keeps the brief as saved.
    await page.reload();
    await page.getByLabel('Author').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByLabel('Author').inputValue()).toBe('A. Investigator');
    expect(await page.getByLabel('Title').inputValue()).toBe('Helicopter parts to Ulan-Ude');
    await page.getByRole('listitem', { name: 'Finding 2' }).waitFor();
    // The versions are read after the brief: wait for them, not just for the findings.
    await expect.poll(() => page.getByRole('region', { name: 'Versions' }).locator('li').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  /** Runs a job through the bridge and waits for it. */
  async function job(method: string, input: unknown): Promise<void> {
    const { jobId } = await api<JobStatus>(method, input);
    await expect
      .poll(async () => (await api<JobStatus>('jobs.get', { jobId })).state, { timeout: 120_000 })
      .toBe('done');
  }

  it('shows a cited link and screening hit by name, asking the case once for the whole brief', async () => {
    const list = join(ctx.home, 'us_ofac_sdn.json');
    writeFileSync(list, FTM_LINES.join('\n') + '\n');
    await job('lists.import', { paths: [list], asOf: '2024-03-01', name: 'OFAC SDN (OpenSanctions)' });
    await job('screening.run', {});
    const hit = (await api<ScreeningHit[]>('hits.list', { limit: 1000 })).find((h) => h.externalId === 'NK-uuaz')!;
    const [sample] = await api<DiagramSummary[]>('diagrams.list', {});
    const view = await api<DiagramView>('diagrams.get', { id: sample!.id });
    const node = (name: RegExp) => view.nodes.find((n) => n.kind === 'entity' && name.test(n.label))!;
    const change = await api<{ view: DiagramView; created: Record<string, number> }>('diagrams.apply', {
      id: sample!.id,
      ops: [
        {
          op: 'createLink',
          tempId: -1,
          source: node(/^Poly Technologies/).id,
          target: node(/^Ulan-Ud/).id,
          type: 'supplier_of',
          grade: 'tentative',
        },
      ],
    });
    const link = change.view.edges.find((e) => e.id === change.created['-1'])!.link!;
    const [record] = await api<CustomsRecord[]>('records.list', { limit: 1 });
    const brief = await api<BriefVersion>('briefs.save', {
      content: {
        title: 'Named citations',
        findings: [
          {
            text: 'Poly supplies the plant.',
            citations: [
              { kind: 'link', id: link.id },
              { kind: 'records', ids: [record!.id] },
            ],
          },
          {
            text: 'The plant is listed.',
            citations: [
              { kind: 'hit', id: hit.id },
              { kind: 'link', id: link.id },
            ],
          },
        ],
      },
    });

    const tab = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    const asked: string[] = [];
    tab.on('request', (r) => void (r.url().includes('/api/briefs.citations') && asked.push(r.url())));
    await openCase(tab, ctx.served.url);
    await tab.evaluate((id) => (location.hash = `#/briefs/${id}`), brief.id);
    const finding1 = tab.getByRole('listitem', { name: 'Finding 1' });
    const finding2 = tab.getByRole('listitem', { name: 'Finding 2' });
    const linkLine = 'Poly Technologies Corporation → Ulan-Udenskiy aviatsionnyy zavod AO (supplier of, tentative)';
    await finding1.getByText(linkLine).waitFor({ timeout: 60_000 });
    await finding2
      .getByText(`${hit.entityName} ~ JSC ULAN-UDE AVIATION PLANT (${hit.listName}, RUSSIA-EO14024)`)
      .waitFor();
    expect(await finding2.getByText(linkLine).count()).toBe(1);
    expect(await tab.getByText(/Screening hit #|entity \d+/).count()).toBe(0);
    // Typing in a finding asks nothing again; one call answered for all four citations.
    await finding1.getByLabel('Finding 1 text').fill('Poly Technologies supplies the plant.');
    await tab.getByRole('region', { name: 'Findings' }).screenshot({ path: screenshotPath('brief-citation-names') });
    expect(asked).toHaveLength(1);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
