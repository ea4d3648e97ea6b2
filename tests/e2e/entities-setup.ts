import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cli, SAMPLES, servedCase, watchedPage, type ServedCase } from './harness';

/** A new case with the 2,000-row ru-customs sample imported and resolved, served in Chromium (see servedCase). */
export function resolvedCase(title: string): ServedCase {
  return servedCase(title, (casePath) => {
    cli(['import', casePath, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    cli(['resolve', casePath]);
  });
}

/** A new page on the Entities section; the page's uncaught errors are pushed onto `errors`. */
export async function openEntitiesSection(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await watchedPage(browser, url, errors);
  await page
    .getByRole('button', { name: /Entities/ })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Entities' }).waitFor();
  return page;
}

/** Searches the Entities tab for `name` and opens the page of the entity whose name it is. */
export async function openEntity(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Entities' }).click();
  await page.getByLabel('Search entities').fill(name);
  await page
    .locator('.entity-list li')
    .filter({ has: page.locator('.entity-name').getByText(name, { exact: true }) })
    .first()
    .locator('button')
    .click();
  await expect.poll(() => page.getByLabel('Canonical name').inputValue()).toBe(name);
}
