// The sanctions badge wherever an entity shows (records grid, record detail, entity page and list, search,
// diagram nodes), each leading to the entity's hits; HS 2022 texts beside codes in search and on the entity page.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FTM_LINES } from '../screening/ftm-lines';
import { browserOrSkip, cli, SAMPLES, screenshotPath, servedCase } from './harness';

const run = browserOrSkip();

describe.runIf(run)('Sanctions badges and HS texts across the app', () => {
  let plant = 0;
  let diagram = 0;
  const ctx = servedCase('Badges', (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
    const list = join(dirname(casePath), 'us_ofac_sdn.json');
    // Latin names only: the plant is in the records in Cyrillic.
    writeFileSync(list, FTM_LINES.map((l) => l.replace(',"Улан-Удэнский авиационный завод"', '')).join('\n'));
    cli(['lists', 'import', casePath, list, '--as-of', '2024-03-01']);
    const hits = cli(['screen', casePath]) as { entityId: number; entryId: number; entryName: string }[];
    const hit = hits.find((h) => h.entryName === 'JSC ULAN-UDE AVIATION PLANT')!;
    plant = hit.entityId;
    cli([
      'hits',
      'review',
      casePath,
      '--entity',
      String(plant),
      '--entry',
      String(hit.entryId),
      '--status',
      'confirmed',
    ]);
    diagram = (
      cli(['diagram', 'new', casePath, '--name', 'Plant', '--from', String(plant), '--depth', '1']) as {
        diagramId: number;
      }
    ).diagramId;
  });
  let page: Page;
  const errors: string[] = [];
  const calls: string[] = [];

  beforeAll(async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      const body = r.postData() ?? '';
      const m =
        /"method":"(hits\.[a-z]+|goods\.describe)"/.exec(body) ?? /\/(hits\.[a-z]+|goods\.describe)\b/.exec(r.url());
      if (m) calls.push(m[1]!);
    });
    await page.goto(ctx.served.url);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
  });
  afterEach(() => expect(errors).toEqual([]));
  /** Goes to a place in the app (the served URL's own fragment carries its token). */
  const go = (hash: string) => page.evaluate((h) => void (location.hash = h), hash);

  it('badges the plant in the records grid (one call for the rows shown) and in the record detail', async () => {
    calls.length = 0;
    await go(`#/records?entity=${plant}`);
    // Its namesake Poly Technologies has an open hit of its own: the plant's badge is the one with its id.
    const badge = page.locator(`.records-row .sanctions-badge[data-entity-id="${plant}"]`).first();
    await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe('Sanctioned');
    expect(await badge.getAttribute('href')).toBe(`#/lists?entity=${plant}`);
    const rows = await page.locator('.records-row').count();
    expect(rows).toBeGreaterThan(1);
    // The rows shown asked for their badges together, not row by row.
    expect(calls.filter((c) => c === 'hits.records').length).toBeLessThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('badge-records'), clip: { x: 0, y: 0, width: 1440, height: 420 } });
    await page.locator('.records-row').first().click();
    const parties = page.getByRole('region', { name: 'Parties' });
    await expect
      .poll(() => parties.locator(`.sanctions-badge[data-entity-id="${plant}"]`).textContent())
      .toBe('Sanctioned');
  });

  it('badges the entity page, its list row and the search results; the badge leads to the entity’s hits', async () => {
    await go(`#/entities/${plant}`);
    const header = page.locator('.entity-title .sanctions-badge');
    await expect.poll(() => header.textContent()).toBe('Sanctioned');
    await expect
      .poll(() => page.locator(`.entity-list li[data-entity-id="${plant}"] .sanctions-badge`).count())
      .toBe(1);
    // Counterparty HS chapters carry their HS 2022 text.
    await expect.poll(() => page.locator('.counterparties .hs-text').first().textContent()).toMatch(/\w{4,}/);

    await go(`#/search?q=${encodeURIComponent('Улан-Удэнский авиационный')}`);
    const hit = page.getByRole('list', { name: 'Search results' }).locator('li').first();
    await expect.poll(() => hit.locator('.sanctions-badge').first().textContent()).toBe('Sanctioned');
    await expect.poll(() => hit.locator('.hit-goods').textContent()).toMatch(/^HS \d+ · \w/);

    await go(`#/entities/${plant}`);
    await page.locator('.entity-title .sanctions-badge').click();
    await page.getByRole('heading', { name: 'Hits of the latest screening' }).waitFor();
    const rows = page.locator('table.hits tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/ULAN-UDE AVIATION PLANT/);
  });

  it('badges the plant’s node on a diagram, the hits asked for once for the diagram', async () => {
    calls.length = 0;
    // Through the list of diagrams, as the diagrams tests open one.
    await go('#/diagrams');
    await page.locator('.diagram-list').waitFor();
    await go(`#/diagrams/${diagram}`);
    await page.locator(`.diagram-canvas[data-diagram-id="${diagram}"]`).waitFor();
    await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('badge-diagram') });
    const badge = page.locator(`.react-flow__node .sanctions-badge[data-entity-id="${plant}"]`);
    await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe('Sanctioned');
    const node = page.locator('.react-flow__node', {
      has: page.locator(`.sanctions-badge[data-entity-id="${plant}"]`),
    });
    expect(calls.filter((c) => c === 'hits.summary').length).toBe(1);
    const box = (await node.boundingBox())!;
    await page.screenshot({
      path: screenshotPath('badge-diagram-node'),
      clip: {
        x: Math.max(0, box.x - 60),
        y: Math.max(0, box.y - 60),
        width: box.width + 120,
        height: box.height + 120,
      },
    });
  });
});
