import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { createCore } from '../../electron/core/create-core';
import { callToEnd } from '../../electron/core/dispatch';
import type { MethodName } from '../../shared/api';
import { expectAccessible } from './axe';
import { browserOrSkip, launch, REPO, SAMPLES, screenshotPath, serve, type Served } from './harness';

const run = browserOrSkip();

async function must(core: CoreContext, method: MethodName, input: unknown): Promise<unknown> {
  const r = await callToEnd(core, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/**
 * Anna sends her case to Boris; he imports the Chinese sample and edits her
 * note on record 7 while she edits it her way; she merges his file back in
 * the browser: the result, both versions of the note, her pick, and undo.
 */
describe.runIf(run)('merging a colleague’s case in the browser', () => {
  let root: string;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'custodian-e2e-merge-'));
    const home = join(root, 'home');
    mkdirSync(home);
    const core = (actor: string) =>
      createCore({ appDataDir: join(root, actor), sampleDir: join(REPO, 'build', 'sample'), actor });
    const anna = core('anna');
    const mine = join(home, 'anna.case');
    await must(anna, 'case.create', { path: mine, title: 'Anna’s case' });
    await must(anna, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    const note = (await must(anna, 'annotations.create', { target: 'record', targetId: 7, text: 'checked' })) as {
      id: number;
    };
    await must(anna, 'exchange.export', { path: join(root, 'to-boris.case') });

    const boris = core('boris');
    copyFileSync(join(root, 'to-boris.case'), join(root, 'boris.case'));
    await must(boris, 'case.open', { path: join(root, 'boris.case') });
    // A received file opens read-only: he works on his own copy of it.
    await must(boris, 'case.saveAsMine', { path: join(root, 'boris-working.case') });
    await must(boris, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' });
    await must(boris, 'annotations.update', { id: note.id, text: 'Boris: the manifest shows 40 rotor blades' });
    await must(boris, 'exchange.export', { path: join(home, 'from-boris.case') });
    await must(boris, 'case.close', {});

    await must(anna, 'annotations.update', { id: note.id, text: 'Anna: the manifest matches' });
    await must(anna, 'case.close', {});
    served = await serve([mine], { HOME: home });
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('merges through the job, shows what came in and the conflict side by side; the pick and undo apply', async () => {
    // bypassCSP: only so that axe-core can be injected for the accessibility check.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.getByRole('heading', { name: 'Records' }).waitFor({ timeout: 90_000 });
    // File → Merge a colleague's case… (here in the sidebar, next to Export) opens the Merge section and its picker.
    const sidebar = page.getByRole('navigation', { name: 'Case sections' });
    await sidebar.getByRole('button', { name: 'Merge a colleague’s case…' }).click();
    await page.getByRole('heading', { name: 'Merge', exact: true }).waitFor();
    await page.getByRole('option', { name: /^from-boris\.case,/ }).dblclick();

    const report = page.getByRole('region', { name: 'Merge result' });
    await report.waitFor({ timeout: 120_000 });
    const text = (await report.textContent()) ?? '';
    expect(text).toMatch(/unchanged since it was sealed; signed by an unknown key/);
    expect(text).toMatch(/Added: 1 stored file, 1 source, 1 import, \d{3,} records\./);
    expect(text).toMatch(/1 conflict to settle/);
    const conflict = page.getByRole('listitem', { name: 'Note on record 7' });
    expect(await conflict.textContent()).toMatch(
      /Anna: the manifest matches.*Theirs \(by boris\)Boris: the manifest shows 40 rotor blades/,
    );
    await page.screenshot({ path: screenshotPath('merge-conflict'), fullPage: true });
    await expectAccessible(page, 'merge-conflict');

    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await conflict.waitFor({ state: 'detached' });
    const merges = page.locator('.merge-list tbody tr');
    expect(await merges.count()).toBe(1);
    await page.getByRole('button', { name: 'Undo merge' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Merge 1 undone/ })
      .waitFor();
    await page.getByText('No merges in this case.').waitFor();
    await page.screenshot({ path: screenshotPath('merge-undone') });
    expect(errors).toEqual([]);
  }, 300_000);
});
