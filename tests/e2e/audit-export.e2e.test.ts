import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkip, cli, screenshotPath, servedCase, watchedPage } from './harness';
import { custodian } from '../helpers/cli';

const run = browserOrSkip();

/** Three records with cells a spreadsheet would run, in Cyrillic and Chinese too, imported by the CLI. */
function importFormulas(casePath: string): void {
  const dir = join(casePath, '..');
  const file = join(dir, 'formulas.csv');
  writeFileSync(
    file,
    [
      'Date,Shipper,Consignee,HS,Description,Value USD',
      '2024-01-05,=1+1,ООО Ромашка,8807300000,+7 495 123,-2',
      '2024-01-06,@SUM(A1),北京航空公司,880730,rotor blades,100.5',
      '2024-01-07,Normal Co,Other Co,8471,-2+3,62',
      '',
    ].join('\n'),
  );
  const mapping = join(dir, 'mapping.json');
  const columns = { Date: 'date', Shipper: 'shipper', Consignee: 'consignee', HS: 'hsCode' };
  writeFileSync(
    mapping,
    JSON.stringify({ columns: { ...columns, Description: 'description', 'Value USD': 'valueUsd' } }),
  );
  cli(['import', casePath, file, '--mapping', mapping]);
  cli(['save-mapping', casePath, 'four columns', mapping]);
  // Someone edits the first import's audit entry behind the app's back.
  const db = new Database(casePath);
  db.prepare(`UPDATE audit_log SET detail = json_set(detail, '$.rowsImported', 1) WHERE seq = 2`).run();
  db.close();
}

describe.runIf(run)('the audit view and CSV exports in the browser', () => {
  const ctx = servedCase('Audit', importFormulas);

  it('filters the log in the URL, shows where the chain breaks, and downloads what it shows', async () => {
    const errors: string[] = [];
    const page = await watchedPage(ctx.browser, ctx.served.url, errors, { acceptDownloads: true });
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await page.evaluate(() => (location.hash = '#/audit'));
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/broken at entry 2\.\s*Entry 2 was changed after it was written/);
    const broken = page.getByRole('row', { name: 'Entry 2: the chain breaks here' });
    expect(await broken.getAttribute('class')).toBe('audit-broken');
    expect(await broken.getByRole('cell').nth(3).textContent()).toBe('import.run');
    expect(await page.locator('tbody tr').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('audit-chain-broken') });

    // Filtered in the core; the filter lives in the URL and survives a reload.
    await page.getByLabel('Action').selectOption('import.run');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(page.url()).toContain('action=import.run');
    await page.reload();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await expect.poll(() => page.locator('tbody tr td:first-child').allTextContents()).toEqual(['2breaks here']);
    await page.getByLabel('From').fill('2000-01-01');
    await page.getByLabel('To').fill('2000-12-31');
    await page.getByText('No entries match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.getByLabel('Who').selectOption({ index: 1 });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.getByLabel('Action').selectOption('import.run');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('audit-filtered') });

    // The filtered log as CSV: a download, oldest first, the same entries the CLI prints.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const rows = parse(readFileSync(await (await download).path(), 'utf8'), { bom: true }) as string[][];
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ['seq', 'action'],
      ['2', 'import.run'],
    ]);
    const fromCli = parse(custodian(['audit', ctx.casePath, '--action', 'import.run', '--csv']).stdout, {
      bom: true,
    }) as string[][];
    expect(fromCli.slice(1).reverse()).toEqual(rows.slice(1));
    await page.getByRole('status').filter({ hasText: 'Downloaded 1 entry as audit-log.csv.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('downloads the records view with its filter and sort, the same file as `custodian records --csv`', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(ctx.served.url);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await page.evaluate(() => (location.hash = '#/records?min=50&sort=valueUsd&desc=1'));
    await page.getByText('2 records').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const fromCli = join(ctx.dir, 'cli-records.csv');
    cli(['records', ctx.casePath, '--min-usd', '50', '--sort', 'valueUsd', '--desc', '--csv', fromCli]);
    expect(text).toBe(readFileSync(fromCli, 'utf8'));
    const rows = parse(text, { bom: true }) as string[][];
    const shipper = rows[0]!.indexOf('shipper');
    expect(rows.slice(1).map((r) => [r[shipper], r[rows[0]!.indexOf('valueUsd')]])).toEqual([
      ["'@SUM(A1)", '100.5'],
      ['Normal Co', '62'],
    ]);
    await page.getByRole('status').filter({ hasText: 'Downloaded 2 records as records.csv.' }).waitFor();
    await page.screenshot({ path: screenshotPath('records-export') });
  });

  it('downloads the entities list as found, formula-safe', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(ctx.served.url);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await page.evaluate(() => (location.hash = '#/entities'));
    await page.locator('.entity-list, .empty-section').getByRole('button', { name: 'Resolve entities now' }).click();
    await page.locator('.entity-list li').first().waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const rows = parse(readFileSync(await (await download).path(), 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['id', 'name', 'country', 'mentions', 'identifiers', 'aliases']);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(['Normal Co', 'Other Co', 'ООО Ромашка']));
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c))).toEqual([]);
    await page
      .getByRole('status')
      .filter({ hasText: /^Downloaded \d+ entities as entities\.csv\.$/ })
      .waitFor();
    await page.screenshot({ path: screenshotPath('entities-export') });
  });
});
