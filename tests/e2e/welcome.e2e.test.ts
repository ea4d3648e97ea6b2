import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrSkip, launch, screenshotPath, serve, type Served } from './harness';

const run = browserOrSkip();

describe.runIf(run)('welcome screen', () => {
  let browser: Browser;
  let served: Served;

  beforeAll(async () => {
    served = await serve([]); // no case: the welcome screen
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('opens the sample case with real-looking records and says plainly what is not built', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(served.url);
    await page.getByRole('button', { name: 'Open sample case' }).waitFor();
    await page.screenshot({ path: screenshotPath('welcome') });
    await page.getByRole('button', { name: 'Open sample case' }).click();
    await page.getByRole('heading', { name: 'Records' }).waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator('.records-row[data-index="0"]').textContent()).not.toContain('Loading');
    expect(await page.getByRole('navigation', { name: 'Case sections' }).textContent()).toContain('Sample case');
    await page.getByRole('button', { name: /^Audit/ }).click();
    await page.getByText(/Chain intact/).waitFor();
    await page.screenshot({ path: screenshotPath('sample-audit') });
  });
});
