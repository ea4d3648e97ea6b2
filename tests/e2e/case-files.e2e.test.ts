import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserOrSkip, screenshotPath, servedSample } from './harness';

const run = browserOrSkip();

/**
 * Opening, creating and saving cases in a browser through the in-app
 * dialog, which browses the bridge's folders. The bridge runs with a HOME
 * of the test's own (Investigations/2024 inside it), so the real home is
 * never shown or written.
 */
describe.runIf(run)('case files through the in-app dialog', () => {
  const ctx = servedSample((home) => mkdirSync(join(home, 'Investigations', '2024'), { recursive: true }));
  let page: Page;

  beforeAll(async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(ctx.served.url);
    await caseTitleContains('Sample case');
  });

  const sidebar = () => page.getByRole('navigation', { name: 'Case sections' });
  const caseTitleContains = (text: string) => sidebar().getByText(text).first().waitFor({ timeout: 90_000 });
  const dialog = (name: string) => page.getByRole('dialog', { name });
  const option = (name: string) =>
    page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) });
  const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute('role'));
  const currentFolder = () =>
    page.getByRole('navigation', { name: 'Folder path' }).locator('[aria-current="location"]').textContent();

  it('opens the sample case: folders by keyboard, then the Samples place, Enter picks the file', async () => {
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('button', { name: 'Open case…' }).click();
    const open = dialog('Open case');
    await open.waitFor();
    expect(await open.getAttribute('aria-modal')).toBe('true');
    await option('Investigations').waitFor();
    expect(await focusedRole()).toBe('listbox'); // focus starts on the list
    await page.screenshot({ path: screenshotPath('case-dialog-open-home') });

    await page.keyboard.press('Enter'); // Investigations
    await option('2024').waitFor();
    expect(await currentFolder()).toBe('Investigations');
    await page.keyboard.press('Enter'); // 2024: empty
    await open.getByText('No folders or case files here.').waitFor();
    await page.keyboard.press('Backspace');
    await option('2024').waitFor();

    await open.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Samples' }).click();
    await option('sample.case').waitFor();
    expect(await option('sample.case').getAttribute('aria-label')).toMatch(/case file, [\d.]+ (KB|MB), modified /);
    expect(await focusedRole()).toBe('listbox');
    await page.screenshot({ path: screenshotPath('case-dialog-open-samples') });
    await page.keyboard.press('Enter');
    await open.waitFor({ state: 'detached' });
    await caseTitleContains('Sample case');
  });

  it('saves a copy into a folder under home, and warns before a name that is taken', async () => {
    await page.getByRole('button', { name: 'Save a copy…' }).click();
    const save = dialog('Save a copy');
    await save.waitFor();
    const name = save.getByRole('textbox', { name: 'File name' });
    expect(await name.inputValue()).toContain('(copy).case');
    await save.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home' }).click();
    await option('Investigations').dblclick();
    await option('2024').dblclick();
    await save.getByText('No folders or case files here.').waitFor();
    await name.fill('sample copy');
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await save.waitFor({ state: 'detached' });
    await expect.poll(() => existsSync(join(ctx.home, 'Investigations', '2024', 'sample copy.case'))).toBe(true);

    // The dialog reopens where it was left; the same name is refused before anything is written.
    await page.getByRole('button', { name: 'Save a copy…' }).click();
    await option('sample copy.case').waitFor();
    expect(await currentFolder()).toBe('2024');
    await name.fill('Sample Copy.case');
    await save
      .getByRole('alert')
      .getByText(/already exists in this folder/)
      .waitFor();
    expect(await save.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('case-dialog-save-taken') });
    await page.keyboard.press('Escape');
    await save.waitFor({ state: 'detached' });
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('creates a new case in a folder chosen in the dialog, titled in an in-app question', async () => {
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('button', { name: 'New case…' }).click();
    const create = dialog('New case');
    await create.waitFor();
    await create
      .getByRole('navigation', { name: 'Folder path' })
      .getByRole('button', { name: 'Investigations' })
      .click();
    await option('2024').waitFor();
    await create.getByRole('textbox', { name: 'File name' }).fill('Berlin lead');
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    const title = page
      .getByRole('dialog', { name: 'New case' })
      .getByRole('textbox', { name: 'Title of the new case' });
    await title.fill('Berlin lead: valves via Riga');
    await page.screenshot({ path: screenshotPath('case-dialog-new-title') });
    await page.getByRole('button', { name: 'Create case' }).click();
    await caseTitleContains('Berlin lead: valves via Riga');
    expect(existsSync(join(ctx.home, 'Investigations', 'Berlin lead.case'))).toBe(true);
  });

  it('opens the saved copy with a double click', async () => {
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('button', { name: 'Open case…' }).click();
    await option('2024').dblclick(); // the dialog reopens in Investigations
    await option('sample copy.case').dblclick();
    await dialog('Open case').waitFor({ state: 'detached' });
    await caseTitleContains('sample copy.case');
  });

  it('refuses, from the page, folders outside home and the sample folder, and calls without the token', async () => {
    const answer = await page.evaluate(async (token) => {
      const outside = await fetch('/fs/list?dir=%2Fetc', { headers: { Authorization: `Bearer ${token}` } });
      const climbing = await fetch(`/fs/list?dir=${encodeURIComponent('/../../etc')}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const anonymous = await fetch('/fs/list');
      return {
        outside: outside.status,
        message: ((await outside.json()) as { error: { message: string } }).error.message,
        climbing: climbing.status,
        anonymous: anonymous.status,
      };
    }, ctx.served.token);
    expect(answer).toMatchObject({ outside: 403, climbing: 403, anonymous: 401 });
    expect(answer.message).toContain('only folders inside your home folder and the sample folder');
  });
});
