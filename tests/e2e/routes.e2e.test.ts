import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserOrSkip, cli, REPO, SAMPLES, screenshotPath, servedCase, watchedPage } from './harness';

const run = browserOrSkip();
const DOCS = resolve(REPO, '../shared/fixtures/documents');

describe.runIf(run)('every place has a URL: Back, Forward and reload keep it', () => {
  const ctx = servedCase('Routes', (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
    cli(['add-doc', casePath, join(DOCS, 'china-russia-defense-trade-article.pdf')]);
  });
  let page: Page;
  const errors: string[] = [];
  const hash = () => decodeURIComponent(new URL(page.url()).hash);
  const recordsSearch = () => page.getByRole('searchbox', { name: 'Search records' });
  const entitiesSearch = () => page.getByRole('searchbox', { name: 'Search entities' });
  const canonicalName = () => page.getByLabel('Canonical name');
  const highlighted = () => page.locator('.entity-list li[aria-current="true"] .entity-name').allTextContents();
  const shownEntityId = async () =>
    Number(/^Entity (\d+)/.exec((await page.locator('.entity-page > p.muted').first().textContent()) ?? '')?.[1]);

  beforeAll(async () => {
    page = await watchedPage(ctx.browser, ctx.served.url, errors);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
  });
  afterEach(() => expect(errors).toEqual([]));

  it('reads the token once: the address keeps the route, and reloads keep working', async () => {
    expect(page.url()).not.toContain('token');
    await page.reload();
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await expect.poll(() => page.locator('.records-row[data-record-id]').count()).toBeGreaterThan(0);
    // A link with the token beside a route, opened in a fresh tab (no sessionStorage yet), lands on the route.
    const fresh = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${ctx.served.url.split('#')[0]}#/records?q=Ulan&token=${ctx.served.token}`);
    await expect.poll(() => fresh.getByRole('searchbox', { name: 'Search records' }).inputValue()).toBe('Ulan');
    await expect.poll(() => fresh.locator('.records-row[data-record-id]').count()).toBeGreaterThan(0);
    expect(new URL(fresh.url()).hash).toBe('#/records?q=Ulan');
    await fresh.close();
  });

  it('Back after opening an entity returns to the list with the same query; reload keeps the place', async () => {
    await recordsSearch().fill('Ulan');
    await expect.poll(hash).toBe('#/records?q=Ulan');
    const countLabel = page.locator('.records-section .toolbar [aria-live]');
    await expect.poll(() => countLabel.textContent()).toMatch(/^\d+ records$/);
    const recordsCount = await countLabel.textContent();

    await page.getByRole('button', { name: /^Entities/ }).click();
    await entitiesSearch().fill('авиационный');
    await expect.poll(hash).toBe('#/entities?q=авиационный');
    await page.locator('.entity-list li button').first().click();
    await page.getByText('Names seen').waitFor();
    const first = await shownEntityId();
    expect(hash()).toBe(`#/entities/${first}?q=авиационный`);
    expect(await highlighted()).toEqual([await canonicalName().inputValue()]);

    // A counterparty opens; the list highlights the entity now shown, not the one before.
    const counterparty = page.locator('.entity-table button.counterparty').first();
    const second = Number(/entity (\d+)/.exec((await counterparty.getAttribute('title'))!)![1]);
    await counterparty.click();
    await expect.poll(shownEntityId).toBe(second);
    await expect.poll(highlighted).toEqual([await canonicalName().inputValue()]);
    expect(await page.locator('.entity-list li[aria-current="true"]').getAttribute('data-entity-id')).toBe(
      String(second),
    );
    await page.screenshot({ path: screenshotPath('routes-counterparty') });

    // Back: the entity before, then the list with its query and no entity, then Records with its search.
    await page.goBack();
    await expect.poll(shownEntityId).toBe(first);
    await page.goBack();
    await expect.poll(hash).toBe('#/entities?q=авиационный');
    await page.getByText('Choose an entity.').waitFor();
    expect(await entitiesSearch().inputValue()).toBe('авиационный');
    await page.goBack();
    await expect.poll(hash).toBe('#/records?q=Ulan');
    expect(await recordsSearch().inputValue()).toBe('Ulan');
    await expect.poll(() => countLabel.textContent()).toBe(recordsCount);

    // Forward, then reload: the same entity, with the list's query.
    await page.goForward();
    await page.goForward();
    await expect.poll(shownEntityId).toBe(first);
    await page.reload();
    await expect.poll(shownEntityId).toBe(first);
    expect(await entitiesSearch().inputValue()).toBe('авиационный');
    expect(await highlighted()).toEqual([await canonicalName().inputValue()]);
  });

  it('keeps each section’s query, filters and open item when switching sections', async () => {
    await page.getByRole('button', { name: /^Records/ }).click();
    expect(await recordsSearch().inputValue()).toBe('Ulan');
    await page.getByRole('checkbox', { name: 'Flagged only' }).check();
    await page.getByRole('columnheader', { name: /^Date/ }).click();
    await page.getByRole('columnheader', { name: /^Date/ }).click();
    await page.locator('.records-row[data-index="0"]').click();
    const recordId = await page.locator('.records-row[data-index="0"]').getAttribute('data-record-id');
    await expect.poll(hash).toBe(`#/records?q=Ulan&flagged=1&sort=date&desc=1&record=${recordId}`);

    await page.getByRole('button', { name: /^Entities/ }).click();
    await page.getByText('Names seen').waitFor();
    expect(await entitiesSearch().inputValue()).toBe('авиационный');
    await page.getByRole('button', { name: /^Records/ }).click();
    expect(await recordsSearch().inputValue()).toBe('Ulan');
    expect(await page.getByRole('checkbox', { name: 'Flagged only' }).isChecked()).toBe(true);
    expect(await page.getByRole('columnheader', { name: /^Date/ }).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('complementary', { name: 'Record detail' }).getByText(`Record ${recordId}`).waitFor();

    // Reload keeps the open record; Back (after Esc closed it) opens it again.
    await page.reload();
    await page.getByRole('complementary', { name: 'Record detail' }).getByText(`Record ${recordId}`).waitFor();
    await page.getByRole('grid', { name: 'Customs records' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('complementary', { name: 'Record detail' }).count()).toBe(0);
    await page.goBack();
    await page.getByRole('complementary', { name: 'Record detail' }).getByText(`Record ${recordId}`).waitFor();
  });

  it('gives a document page its own URL', async () => {
    await page.getByRole('button', { name: /^Documents/ }).click();
    await page.getByRole('button', { name: /Chinese state defense firms/ }).click();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(hash).toBe('#/documents/1/page/2');
    await page.reload();
    await expect
      .poll(() => page.getByRole('spinbutton', { name: 'Page number' }).inputValue(), { timeout: 20_000 })
      .toBe('2');
    await page.getByRole('button', { name: '← Documents' }).click();
    await expect.poll(hash).toBe('#/documents');
    await page.goBack();
    await expect
      .poll(() => page.getByRole('spinbutton', { name: 'Page number' }).inputValue(), { timeout: 20_000 })
      .toBe('2');
    // Every section comes back on the sidebar as it was left: Records still has its search.
    await page.getByRole('button', { name: /^Records/ }).click();
    expect(await recordsSearch().inputValue()).toBe('Ulan');
    await page.getByRole('button', { name: /^Documents/ }).click();
    await expect.poll(hash).toBe('#/documents/1/page/2');
  });
});
