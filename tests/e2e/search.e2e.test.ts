import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkip, cli, SAMPLES, screenshotPath, servedCase } from './harness';

const run = browserOrSkip();

describe.runIf(run)('search across scripts in the browser', () => {
  const ctx = servedCase('Search', (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
  });

  it('counts every record a search matches, and says when nothing does', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.served.url);
    await page.getByRole('button', { name: /^Search/ }).click();
    const box = page.getByRole('searchbox', { name: 'Search the case' });
    await box.fill('Улан');
    // Every record the query matches, as the CLI lists them (Улан and Ulan match the same).
    const total = (cli(['records', ctx.casePath, '--query', 'Ulan', '--all']) as unknown[]).length;
    const line = page.getByText(/^[\d,]+ records \(first \d+ shown\)/);
    await line.waitFor();
    const [records, shown] = ((await line.textContent()) ?? '')
      .match(/[\d,]+/g)!
      .map((n) => Number(n.replace(/,/g, '')));
    expect(records).toBe(total);
    expect(records).toBeGreaterThan(shown!);
    await page.screenshot({ path: screenshotPath('search-count') });
    await box.fill('Ulan Ude zzqq');
    await page.getByText('Nothing matches “Ulan Ude zzqq”.').waitFor();

    await page
      .getByRole('button', { name: /Entities/ })
      .first()
      .click();
    const entities = page.getByLabel('Search entities');
    await entities.fill('Поли Текнолоджиз');
    await expect
      .poll(() => page.locator('.entity-list .entity-name').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Poly Technologies/)]));
    await entities.fill('zzqq');
    await page.getByText('Nothing matches “zzqq”.').waitFor();
    expect(errors).toEqual([]);
  });
});
