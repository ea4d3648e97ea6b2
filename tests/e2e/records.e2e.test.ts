import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkip, SAMPLES, screenshotPath, servedCase } from './harness';

const run = browserOrSkip();

describe.runIf(run)('records in the browser', () => {
  const ctx = servedCase('Helicopter parts');

  it('imports a customs file through the UI, shows its rows and a row’s provenance', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.served.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Records' }).isVisible()).toBe(true);
    // Said once the case is counted, not before.
    await expect.poll(() => page.getByText('No records yet').isVisible()).toBe(true);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import customs file…' }).click();
    await (await chooser).setFiles(join(SAMPLES, 'ru-customs-2k.csv'));
    await page.getByText(/Imported 1,990 of 2,001 rows/).waitFor({ timeout: 60_000 });

    // The table shows the imported rows, with the first row's values.
    await expect.poll(() => page.getByText('1,990 records').isVisible()).toBe(true);
    const firstRow = page.locator('.records-row[data-index="0"]');
    await expect.poll(() => firstRow.textContent()).toContain('EVRORESURS-2000');
    expect(await page.locator('.records-row').count()).toBeGreaterThan(10);

    // Scroll far down: rows load as they come into view.
    await page.locator('.records-scroller').evaluate((el) => (el.scrollTop = 30 * 1500));
    await expect.poll(() => page.locator('.records-row[data-index="1500"]').textContent()).not.toContain('Loading');

    // A row's detail shows its provenance: file, SHA-256, row number, raw values.
    await page.locator('.records-scroller').evaluate((el) => (el.scrollTop = 0));
    await firstRow.click();
    const provenance = page.getByRole('region', { name: 'Provenance' });
    await provenance.waitFor();
    const text = (await provenance.textContent()) ?? '';
    expect(text).toContain('ru-customs-2k.csv');
    expect(text).toMatch(/[0-9a-f]{64}/);
    expect(text).toContain('10005030/010121/3424899');
    await page.screenshot({ path: screenshotPath('records-provenance') });

    // Search narrows the table.
    await page.getByRole('searchbox', { name: 'Search records' }).fill('Ulan');
    await expect
      .poll(async () => Number(((await page.getByText(/ records$/).textContent()) ?? '').replace(/\D/g, '')))
      .toBeLessThan(1990);
    expect(errors).toEqual([]);
  });

  it('refuses API calls without the token', async () => {
    const res = await fetch(`http://127.0.0.1:${ctx.served.port}/api/case.current`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
});
