import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkip, SAMPLES, screenshotPath, servedCase } from './harness';

const run = browserOrSkip();

describe.runIf(run)('the import wizard', () => {
  const ctx = servedCase('Wizard');

  it('reads a Windows-1251 file, maps it, checks it, imports it and reports flags and rejects', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.served.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Records' }).isVisible()).toBe(true);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import with wizard…' }).click();
    await (await chooser).setFiles(join(SAMPLES, 'ru-customs-300.cp1251.csv'));
    const wizard = page.getByRole('dialog', { name: 'Import customs file' });
    await expect.poll(() => wizard.getByLabel('Encoding').inputValue()).toBe('windows-1251');
    expect(await wizard.getByLabel('Delimiter').inputValue()).toBe(';');
    await expect.poll(() => wizard.getByRole('table', { name: 'File preview' }).textContent()).toContain('АО');
    await page.screenshot({ path: screenshotPath('import-wizard-read') });

    await wizard.getByRole('button', { name: 'Next: mapping' }).click();
    expect(await wizard.getByLabel('Field for SENDER', { exact: true }).inputValue()).toBe('shipper');
    await expect
      .poll(() => wizard.getByRole('table', { name: 'Normalized preview' }).textContent())
      .toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: screenshotPath('import-wizard-mapping') });

    await wizard.getByRole('button', { name: 'Next: check' }).click();
    await expect
      .poll(() => wizard.getByRole('status').first().textContent(), { timeout: 60_000 })
      .toContain('will be imported');
    await wizard.getByRole('button', { name: /^Import \d/ }).click();
    await wizard.getByRole('table', { name: 'Rejected rows' }).waitFor({ timeout: 60_000 });
    const rejects = (await wizard.getByRole('table', { name: 'Rejected rows' }).textContent()) ?? '';
    expect(rejects).toContain('TOTAL');
    expect(rejects).toContain('duplicate of row');
    await page.screenshot({ path: screenshotPath('import-wizard-report') });

    await wizard.getByRole('button', { name: /Show the \d+ flagged rows/ }).click();
    await expect
      .poll(async () => Number(((await page.getByText(/ records$/).textContent()) ?? '').replace(/\D/g, '')))
      .toBeGreaterThan(0);
    // The count comes before the rows it counts are drawn: wait for the rows.
    await expect.poll(() => page.locator('.records-row .flag').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('opens the wizard for a file whose columns it does not know, and sorts and chooses columns', async () => {
    const file = join(ctx.dir, 'vendor.csv');
    writeFileSync(
      file,
      'Shipper Name,Consignee,HS Code,Shipment Date,Value (USD)\nAlpha Ltd,Beta LLC,880730,2022-03-04,100\nGamma Co,Delta AO,852691,2023-05-06,900\n',
    );
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(ctx.served.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import customs file…' }).click();
    await (await chooser).setFiles(file);
    const wizard = page.getByRole('dialog', { name: 'Import customs file' });
    await wizard.getByRole('button', { name: 'Next: mapping' }).click();
    expect(await wizard.getByLabel('Field for Shipper Name', { exact: true }).inputValue()).toBe('shipper');
    await wizard.getByRole('button', { name: 'Next: check' }).click();
    await wizard.getByRole('button', { name: 'Import 2 rows' }).click();
    await wizard.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('combobox', { name: 'Import', exact: true }).selectOption({ label: '#2 vendor.csv' });
    await expect.poll(() => page.getByText('2 records').isVisible()).toBe(true);
    await page.getByRole('columnheader', { name: /Value \(USD\)/ }).click();
    await page.getByRole('columnheader', { name: /Value \(USD\)/ }).click();
    await expect.poll(() => page.locator('.records-row[data-index="0"]').textContent()).toContain('Gamma Co');
    await page.getByRole('button', { name: 'Columns…' }).click();
    await page.getByRole('group', { name: 'Columns' }).getByLabel('Description').uncheck();
    expect(await page.getByRole('columnheader', { name: 'Description' }).count()).toBe(0);
  });
});
