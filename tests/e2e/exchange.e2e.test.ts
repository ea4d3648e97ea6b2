import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askApi, browserOrSkip, cli, openCase, screenshotPath, serve, servedSample, type Served } from './harness';

const run = browserOrSkip();

/**
 * The exchange in a browser: the sender exports part of the sample case for
 * a colleague and sees the seal; the colleague (another bridge, another app
 * folder, so another key) opens it read-only under a banner with the verify
 * result, cannot change it, and saves a working copy; a tampered copy shows
 * its problems, and a hostile one is refused.
 */
describe.runIf(run)('exchange between two investigators', () => {
  /** The sender: the sample case, served with a HOME of its own; the colleague is served from a HOME of theirs. */
  const ctx = servedSample();
  let colleague: Served | undefined;
  let colleagueHome: string;
  let exported: string;
  let digest: string;

  beforeAll(() => {
    colleagueHome = mkdtempSync(join(tmpdir(), 'custodian-e2e-colleague-'));
  });
  afterAll(async () => {
    await colleague?.stop();
    if (colleagueHome) rmSync(colleagueHome, { recursive: true, force: true });
  });

  const fileDialog = (page: Page) => page.locator('.file-dialog');
  async function saveInHome(page: Page, name: string) {
    const dialog = fileDialog(page);
    await dialog.waitFor();
    await dialog.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home' }).click();
    await dialog.getByRole('textbox', { name: 'File name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('exports chosen diagrams: shows what it keeps, runs the job, shows the seal; the sender’s log records it', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await openCase(page, ctx.served.url);
    await page.getByRole('button', { name: 'Export for a colleague…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export for a colleague' });
    await dialog.waitFor();
    await dialog.getByText('It will keep').waitFor();
    await dialog.getByLabel('Only chosen diagrams and the evidence they rest on').check();
    // The sample's diagram: the helicopter-parts shipments from Poly Technologies to the plant.
    await dialog.getByLabel(/Poly Technologies → Ulan-Ude/).check();
    await dialog.getByText('Screening hits').waitFor();
    const kept = (label: string) =>
      dialog.getByText(label, { exact: true }).locator('xpath=following-sibling::dd').textContent();
    await expect.poll(async () => Number(await kept('Customs records'))).toBeGreaterThan(0);
    expect(Number(await kept('Entities'))).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('exchange-export-dialog') });

    await dialog.getByRole('button', { name: 'Choose file and export…' }).click();
    await saveInHome(page, 'for anna');
    exported = join(ctx.home, 'for anna.case');
    await dialog.getByTestId('seal-digest').waitFor({ timeout: 120_000 });
    digest = (await dialog.getByTestId('seal-digest').textContent())!;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await dialog.getByTestId('seal-fingerprint').textContent()).toMatch(/^([0-9a-f]{4} ){4}[0-9a-f]{4}$/);
    await page.screenshot({ path: screenshotPath('exchange-export-sealed') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    expect(existsSync(exported)).toBe(true);
    const verified = cli(['verify', exported]) as { ok: boolean; digest: string };
    expect(verified).toMatchObject({ ok: true, digest });
    const log = await askApi<{ detail: { out: string; digest: string; redacted: boolean } }[]>(
      ctx.served,
      'audit.list',
      {
        action: 'exchange.export',
      },
    );
    expect(log.value[0]!.detail).toMatchObject({ out: exported, digest, redacted: true });
    await page.close();
  }, 240_000);

  it('opens the received file read-only under a verified banner, refuses edits, and saves a working copy', async () => {
    const received = join(colleagueHome, 'from sender.case');
    copyFileSync(exported, received);
    colleague = await serve([received], { HOME: colleagueHome });
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(colleague.url);
    const banner = page.getByRole('region', { name: 'Received file' });
    await banner
      .getByText(/Received from an unknown signer \(([0-9a-f]{4} ?){5}\), verified OK/)
      .waitFor({ timeout: 60_000 });
    await banner.getByText('Read-only: nothing in it can be changed.').waitFor();
    expect(await page.getByRole('button', { name: 'Export for a colleague…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import customs file…' }).isDisabled()).toBe(true);
    const edit = await askApi(colleague, 'diagrams.create', { name: 'mine' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await page.screenshot({ path: screenshotPath('exchange-received-verified') });

    await banner.getByRole('button', { name: 'Save as my case…' }).click();
    await saveInHome(page, 'anna working copy');
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Case sections' }).getByText('anna working copy.case').waitFor();
    const info = await askApi<{ readOnly: boolean; path: string }>(colleague, 'case.info', {});
    expect(info.value).toMatchObject({ readOnly: false, path: join(colleagueHome, 'anna working copy.case') });
    expect((await askApi(colleague, 'diagrams.create', { name: 'mine' })).ok).toBe(true);
    await page.screenshot({ path: screenshotPath('exchange-saved-as-mine') });
    await page.close();
  }, 240_000);

  it('lists the problems of a tampered file, and refuses a hostile one with a clear message', async () => {
    const tampered = join(colleagueHome, 'tampered.case');
    copyFileSync(exported, tampered);
    const db = new Database(tampered);
    db.exec(`UPDATE entities SET name = name || ' (changed)' WHERE id = (SELECT min(id) FROM entities)`);
    db.close();
    // The colleague trusts the sender's key, under a name, in the identity dialog.
    const senderKey = await askApi<{ publicKey: string; fingerprint: string }>(ctx.served, 'identity.get', {});
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(colleague!.url);
    await page.getByRole('button', { name: 'Identity and colleagues…' }).click();
    const identity = page.getByRole('dialog', { name: 'Your identity and trusted colleagues' });
    await identity
      .getByTestId('my-fingerprint')
      .getByText(/^([0-9a-f]{4} ){4}[0-9a-f]{4}$/)
      .waitFor();
    await identity.getByLabel('Name').fill('Anna');
    await identity.getByLabel('Their public key').fill(senderKey.value.publicKey);
    await identity.getByRole('button', { name: 'Trust this key' }).click();
    await identity.getByText(senderKey.value.fingerprint).waitFor();
    await page.screenshot({ path: screenshotPath('exchange-identity') });
    await identity.getByRole('button', { name: 'Close' }).click();

    expect((await askApi(colleague!, 'case.open', { path: tampered })).ok).toBe(true);
    await page.reload();
    const banner = page.getByRole('region', { name: 'Received file' });
    await banner.getByText(/Received from Anna \(([0-9a-f]{4} ?){5}\), 1 problem/).waitFor({ timeout: 60_000 });
    await banner
      .getByRole('list', { name: 'Problems found' })
      .getByText(/entities: the row id=\d+ has changed/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('exchange-received-problems') });

    const hostile = join(colleagueHome, 'hostile.case');
    copyFileSync(exported, hostile);
    const h = new Database(hostile);
    h.exec(`CREATE TRIGGER evil AFTER INSERT ON annotations BEGIN DELETE FROM records; END`);
    h.close();
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('button', { name: 'Open case…' }).click();
    const open = page.getByRole('dialog', { name: 'Open case' });
    await open.getByRole('option', { name: /^hostile\.case,/ }).dblclick();
    await page.getByText(/hostile\.case was refused: it has a trigger "evil" that Custodian did not create/).waitFor();
    await page.screenshot({ path: screenshotPath('exchange-hostile-refused') });
    await page.close();
  }, 240_000);
});
