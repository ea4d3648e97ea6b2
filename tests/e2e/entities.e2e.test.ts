import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, browserOrSkip, cli, launch, screenshotPath, serve, type Served } from './harness';

const run = browserOrSkip();

describe.runIf(run)('entities in the browser', () => {
  let browser: Browser;
  let served: Served;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custodian-e2e-'));
    const casePath = join(dir, 'e2e.case');
    cli(['new', casePath, '--title', 'Entities']);
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
    served = await serve([casePath]);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a company by a name in another script, shows its page, and reviews a pair from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.getByRole('button', { name: /Entities/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Entities' }).isVisible()).toBe(true);

    // Searched in Cyrillic, the aviation plant comes up with its Latin names on its page.
    await page.getByLabel('Search entities').fill('авиационный');
    await page.locator('.entity-list button').first().click();
    await page.getByText('Names seen').waitFor();
    expect(await page.getByText(/Ulan.Ude Aviation Plant/i).first().isVisible()).toBe(true);
    expect(await page.getByText('Trade by counterparty and HS chapter').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('entities-page') });

    await page.getByRole('tab', { name: 'Review queue' }).click();
    const progress = page.locator('.review-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/Pair 1 of/);
    await page.screenshot({ path: screenshotPath('entities-review') });
    await page.keyboard.press('n');
    await expect.poll(async () => (await progress.textContent()) ?? '').toMatch(/1 decided/);
    expect(errors).toEqual([]);
  });
});
