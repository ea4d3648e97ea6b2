import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FTM_LINES } from '../screening/ftm-lines';
import { browserOrSkip, cli, SAMPLES, screenshotPath, servedCase, watchedPage } from './harness';

const run = browserOrSkip();

describe.runIf(run)('Lists: import a list file, see its age, screen, review a hit', () => {
  const ctx = servedCase('Lists', (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
  });
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await watchedPage(ctx.browser, ctx.served.url, errors);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
  });
  afterEach(() => expect(errors).toEqual([]));

  it('imports an uploaded FtM file as of a date and warns that it is older than the chosen days', async () => {
    const file = join(ctx.dir, 'us_ofac_sdn.json');
    // Latin names only: the plant is in the records in Cyrillic.
    writeFileSync(file, FTM_LINES.map((l) => l.replace(',"Улан-Удэнский авиационный завод"', '')).join('\n'));
    await page.getByRole('button', { name: /^Lists/ }).click();
    await page.getByRole('heading', { name: 'Sanctions lists' }).waitFor();
    await page.getByLabel('As of').fill('2024-03-01');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import list file…' }).click();
    await (await chooser).setFiles(file);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'entries' }).textContent())
      .toMatch(/3 entries · 3 added, 0 removed/);
    const row = page.locator('table.lists tbody tr').first();
    await expect
      .poll(() => row.textContent())
      .toMatch(/OpenSanctions us_ofac_sdn.*OpenSanctions.*2024-03-01.*days.*older than 30 days/);
    await page.getByLabel(/Warn when older than/).fill('100000');
    await expect.poll(() => row.locator('.badge.bad').count()).toBe(0);
  });

  it('screens every entity and keeps a review across a re-screen', async () => {
    await page.getByRole('button', { name: 'Screen all entities' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'entities screened' }).textContent(), { timeout: 60_000 })
      .toMatch(/\d+ entities screened against 3 entries · [1-9]\d* hits/);
    const plant = page.locator('table.hits tbody tr', { hasText: 'JSC ULAN-UDE AVIATION PLANT' }).first();
    await expect
      .poll(() => plant.textContent())
      .toMatch(/УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД|Улан-Удэнский авиационный завод|Ulan-Udenskiy aviatsionnyy zavod/i);
    expect(await plant.textContent()).toMatch(/RUSSIA-EO14024.*listed 2022-06-28/);
    expect(await page.locator('table.hits tbody tr', { hasText: /локомотив/i }).count()).toBe(0);
    await expect.poll(() => plant.locator('.sanctions-badge').textContent()).toBe('Possible sanctions hit');
    await plant.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => plant.locator('.status').textContent()).toBe('Confirmed');
    await expect.poll(() => plant.locator('.sanctions-badge').textContent()).toBe('Sanctioned');
    await page.screenshot({ path: screenshotPath('lists-hits'), fullPage: true });

    await page.getByRole('button', { name: 'Screen all entities' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'already reviewed' }).textContent(), { timeout: 60_000 })
      .toMatch(/\(1 already reviewed\)/);
    await page.reload();
    await page.getByRole('heading', { name: 'Sanctions lists' }).waitFor();
    const again = page.locator('table.hits tbody tr', { hasText: 'JSC ULAN-UDE AVIATION PLANT' }).first();
    await expect.poll(() => again.locator('.status').textContent()).toBe('Confirmed');
  });
});
