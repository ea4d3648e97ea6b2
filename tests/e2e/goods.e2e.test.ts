import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkip, cli, SAMPLES, screenshotPath, servedCase } from './harness';

const run = browserOrSkip();

describe.runIf(run)('goods in the records grid', () => {
  const ctx = servedCase('Goods', (casePath) =>
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']),
  );

  it('shows HS 2022 texts beside codes, filters and sorts by CHPL tier, and describes a 2017 code', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.served.url);
    await expect.poll(() => page.getByText('1,990 records').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('combobox', { name: 'CHPL tier' }).selectOption('3.B');
    const firstRow = page.locator('.records-row[data-index="0"]');
    const tierCells = page.locator('.records-row [role=gridcell]:nth-last-child(2)');
    await expect.poll(async () => new Set(await tierCells.allTextContents())).toEqual(new Set(['3.B']));
    expect(await firstRow.textContent()).toMatch(/\d{10} · \w/); // the code and its HS 2022 text
    const count = Number(((await page.getByText(/ records$/).textContent()) ?? '').replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(1990);

    // The 2017 form of helicopter parts: its detail names the 2022 subheading and the tier.
    await page.getByRole('textbox', { name: 'HS' }).fill('8803');
    await expect.poll(() => firstRow.textContent()).toContain('8803300000 · Aircraft and spacecraft');
    await firstRow.click();
    const goods = page.getByRole('region', { name: 'Goods' });
    await goods.waitFor();
    const text = (await goods.textContent()) ?? '';
    expect(text).toContain('CHPL tier 3.B');
    expect(text).toContain('8807.30');
    expect(text).toContain('Declared as 8803.30 (HS 2017)');
    await page.screenshot({ path: screenshotPath('goods-chpl-detail') });

    // All goods again, sorted by tier: tier 1 (integrated circuits) first.
    await page.getByRole('button', { name: 'Close detail' }).click();
    await page.getByRole('textbox', { name: 'HS' }).fill('');
    await page.getByRole('combobox', { name: 'CHPL tier' }).selectOption('');
    await page.getByRole('columnheader', { name: /^CHPL/ }).click();
    await expect.poll(() => firstRow.textContent()).toContain('Electronic integrated circuits');
    await expect.poll(() => page.getByText('1,990 records').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('goods-chpl-sorted') });
    expect(errors).toEqual([]);
  });
});
