import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RiskSummary } from '../../shared/domain/risk';
import { FTM_LINES } from '../screening/ftm-lines';
import { browserOrSkip, cli, SAMPLES, screenshotPath, servedCase, watchedPage } from './harness';

const run = browserOrSkip();

/** The number a page shows for a count of records ("1,234 records" → 1234). */
const recordsShown = async (page: Page) =>
  Number(((await page.getByText(/^[\d,]+ records?$/).textContent()) ?? '').replace(/\D/g, ''));

describe.runIf(run)('Risk: from a screened case to the records behind each number', () => {
  const ctx = servedCase('Risk', (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
    cli(['lists', 'import', casePath, join(SAMPLES, '..', '..', 'data', 'ofac-sample', 'sdn.csv')]);
    // OpenSanctions' copy of the SDN list gives listing dates (the legacy CSVs do not).
    const ftm = join(dirname(casePath), 'us_ofac_sdn.json');
    writeFileSync(ftm, FTM_LINES.join('\n') + '\n');
    cli(['lists', 'import', casePath, ftm, '--as-of', '2024-03-01']);
  });
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await watchedPage(ctx.browser, ctx.served.url, errors, { viewport: { width: 1440, height: 1000 } });
    await page.getByRole('heading', { name: 'Records' }).waitFor();
  });
  afterEach(() => expect(errors).toEqual([]));

  it('screens, then shows sanctioned counterparties, CHPL goods and flows; a number opens exactly its records', async () => {
    await page.getByRole('button', { name: /^Lists/ }).click();
    await page.getByRole('button', { name: 'Screen all entities' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'entities screened' }).textContent(), { timeout: 60_000 })
      .toMatch(/[1-9]\d* hits/);

    await page.getByRole('button', { name: /^Risk/ }).click();
    await page.getByRole('heading', { name: 'Risk summary' }).waitFor();
    const parties = page.getByRole('table', { name: 'Sanctioned counterparties' });
    await parties.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('note').textContent()).toMatch(/confirmed or open.*false positive are left out/);
    const summary = cli(['risk', ctx.casePath, '--json']) as RiskSummary;
    expect(summary.counterparties.length).toBeGreaterThan(0);
    await expect.poll(() => parties.locator('tbody tr').count()).toBe(summary.counterparties.length);
    const plant = summary.counterparties.find((c) => c.listedOn === '2022-06-28')!;
    expect(plant.afterListing!.records).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('risk-summary'), fullPage: true });

    // The plant's shipments on or after its listing date: the grid lists exactly those.
    const after = parties
      .locator('tr', { hasText: plant.name })
      .getByRole('link', { name: `${plant.afterListing!.records} records: ${plant.name}: from 2022-06-28` });
    await after.click();
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await expect.poll(() => recordsShown(page)).toBe(plant.afterListing!.records);
    expect(page.url()).toContain(`entity=${plant.entityId}`);
    expect(page.url()).toContain('from=2022-06-28');
    await expect.poll(() => page.getByRole('textbox', { name: 'From' }).inputValue()).toBe('2022-06-28');
    await expect.poll(() => page.locator('.chip').first().textContent()).toContain(`Entity: ${plant.name}`);
    // The grid's cells: the row's checkbox, Row, then Date.
    const dates = await page.locator('.records-row [role=gridcell]:nth-child(3)').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= '2022-06-28')).toBe(true);

    // Back: the summary again, as it was.
    await page.goBack();
    await parties.waitFor();
    expect(new URL(page.url()).hash).toBe('#/risk');

    // A CHPL route: the grid shows its records, and the route's countries as chips.
    const route = summary.chpl.routes[0]!;
    const routeLabel = `CHPL from ${route.origin ?? 'not recorded'} to ${route.destination ?? 'not recorded'}`;
    await page.getByRole('link', { name: `${route.shipments.records} records: ${routeLabel}` }).click();
    await expect.poll(() => recordsShown(page)).toBe(route.shipments.records);
    await expect.poll(() => page.locator('.chip', { hasText: 'Origin:' }).textContent()).toContain(`${route.origin}`);
    await page.screenshot({ path: screenshotPath('risk-route-records') });
    await page.goBack();
    await parties.waitFor();

    // The largest flow into a sanctioned entity, one way: its shipper and consignee on every row.
    const flow = summary.flows[0]!;
    await page
      .getByRole('link', { name: `${flow.shipments.records} records: ${flow.from.name} to ${flow.to.name}` })
      .click();
    await expect.poll(() => recordsShown(page)).toBe(flow.shipments.records);
    await expect.poll(() => page.locator('.chip').nth(1).textContent()).toContain(`Shipped by: ${flow.from.name}`);
    await page.goBack();
    await parties.waitFor();
  });

  it('counts only confirmed hits when asked, and says so', async () => {
    await page.getByLabel('Only confirmed hits').check();
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(/with a confirmed hit;/);
    await expect.poll(() => page.getByText(/^Sanctioned counterparties \(0\)$/).isVisible()).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/risk?confirmed=1');
  });
});
