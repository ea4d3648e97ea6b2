import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, browserOrSkip, cli, screenshotPath, servedCase, watchedPage } from './harness';

const run = browserOrSkip();

/** A real sample's header and first rows, with blank rows between them and a row a spreadsheet would run as a formula. */
function customsFile(dir: string, name: string, from: number): string {
  const lines = readFileSync(join(SAMPLES, 'ru-customs-2k.csv'), 'utf8').split('\n');
  const commas = ','.repeat(lines[0]!.split(',').length - 1);
  const body = [
    lines[from],
    commas,
    lines[from + 1],
    '',
    '=HYPERLINK("http://example.invalid"),not,a,record',
    ' , , ',
    lines[from + 2],
  ];
  const path = join(dir, name);
  writeFileSync(path, [lines[0], ...body, ''].join('\n'));
  return path;
}

describe.runIf(run)('imports in the browser: blank rows, rejects, resolve at once', () => {
  const ctx = servedCase('Imports');

  it('an import counts its blank rows, lists its rejects, saves them as CSV and offers to resolve at once', async () => {
    const errors: string[] = [];
    const page = await watchedPage(ctx.browser, ctx.served.url, errors, { acceptDownloads: true });
    await page.getByRole('heading', { name: 'Records' }).waitFor();

    // A file in a known layout is imported at once; the report counts the blank rows.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import customs file…' }).click();
    await (await chooser).setFiles(customsFile(ctx.dir, 'first.csv', 1));
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent(), { timeout: 60_000 })
      .toBe('Imported 3 of 7 rows · 0 flagged · 1 rejected · 0 duplicates · 3 blank');
    expect(await page.getByRole('button', { name: 'Resolve entities now' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('import-button-report') });

    // Not resolved yet: the Entities section says so, with the same button, which fills it.
    await page.evaluate(() => (location.hash = '#/entities'));
    await page.getByText(/This case has 3 records, but their companies have not been resolved/).waitFor();
    await page.screenshot({ path: screenshotPath('entities-not-resolved') });
    await page.locator('.entity-list, .empty-section').getByRole('button', { name: 'Resolve entities now' }).click();
    await page.locator('.entity-list li').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.entity-list li').count()).toBeGreaterThan(0);

    // The Imports section: the counts, and the rows left out with their reasons.
    await page.evaluate(() => (location.hash = '#/imports'));
    const imports = page.getByRole('table', { name: 'Imports' });
    await imports.getByRole('row', { name: /first\.csv/ }).waitFor();
    expect(
      await imports
        .getByRole('row', { name: /first\.csv/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), '7', '3', '0', '1', '0', '3']);
    const rejects = page.getByRole('table', { name: 'Rejected rows of first.csv' });
    await rejects.locator('tbody tr').first().waitFor();
    expect(await rejects.locator('tbody tr').first().getByRole('cell').allTextContents()).toEqual([
      '4',
      'expected 24 fields, found 4',
      '=HYPERLINK("http://example.invalid"),not,a,record',
    ]);
    await page.screenshot({ path: screenshotPath('imports-rejects') });

    // Export as CSV: in a browser, a download of the same file `custodian rejects --csv` writes, formula-safe.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    const fromCli = join(ctx.dir, 'cli-rejects.csv');
    cli(['rejects', ctx.casePath, '1', '--csv', fromCli]);
    expect(text).toBe(readFileSync(fromCli, 'utf8'));
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows).toEqual([
      ['row', 'reason', 'duplicate_of', 'raw'],
      ['4', 'expected 24 fields, found 4', '', `'=HYPERLINK("http://example.invalid"),not,a,record`],
    ]);
    expect(await page.getByRole('status').filter({ hasText: 'Downloaded 1 rejected rows' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the wizard’s report counts blank rows and offers to resolve', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(ctx.served.url);
    await page.evaluate(() => (location.hash = '#/records'));
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import with wizard…' }).click();
    await (await chooser).setFiles(customsFile(ctx.dir, 'second.csv', 10));
    const wizard = page.getByRole('dialog', { name: 'Import customs file' });
    await wizard.getByRole('button', { name: 'Next: mapping' }).click();
    await wizard.getByRole('button', { name: 'Next: check' }).click();
    await expect
      .poll(() => wizard.getByRole('status').first().textContent(), { timeout: 60_000 })
      .toContain('3blank rows will be skipped');
    await wizard.getByRole('button', { name: /^Import \d/ }).click();
    await wizard.getByRole('button', { name: 'Resolve entities now' }).waitFor({ timeout: 60_000 });
    expect(await wizard.getByRole('status').first().textContent()).toContain('3blank rows skipped');
    await page.screenshot({ path: screenshotPath('import-wizard-report-resolve') });
    await wizard.getByRole('button', { name: 'Resolve entities now' }).click();
    await expect
      .poll(() => wizard.getByRole('status').filter({ hasText: 'entities from' }).count(), { timeout: 60_000 })
      .toBe(1);
  });
});
