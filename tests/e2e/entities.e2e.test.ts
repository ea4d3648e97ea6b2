import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkip, cli, SAMPLES, screenshotPath, servedCase } from './harness';

const run = browserOrSkip();

describe.runIf(run)('entities in the browser', () => {
  const ctx = servedCase('Entities', (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
  });

  it('finds a company by a name in another script, shows its page, and reviews a pair from the keyboard', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.served.url);
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
