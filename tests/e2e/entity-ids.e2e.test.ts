import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openEntitiesSection, openEntity, resolvedCase } from './entities-setup';
import { browserOrSkip, cli } from './harness';

const run = browserOrSkip();

interface Listed {
  id: number;
  name: string;
  mentions: number;
}
interface Queued {
  score: number;
  compared: { a: string; b: string } | null;
  a: { name: string };
  b: { name: string };
}

describe.runIf(run)('entity ids and review scores in the browser', () => {
  const ctx = resolvedCase('Entity ids');
  const entities = () => cli(['entities', ctx.casePath]) as Listed[];
  let page: Page;
  const errors: string[] = [];
  /** The merge the tests below make, then undo. */
  let merged: { big: Listed; small: Listed } | undefined;

  beforeAll(async () => {
    page = await openEntitiesSection(ctx.browser, ctx.served.url, errors);
  });
  afterEach(() => expect(errors).toEqual([]));

  it('shows each queued pair with its own score and the two spellings compared', async () => {
    const queued = cli(['review', ctx.casePath, '--limit', '1000']) as Queued[];
    // Scores differ from pair to pair (every pair showed 1.00 once).
    expect(new Set(queued.map((q) => q.score)).size).toBeGreaterThan(5);
    await page.getByRole('tab', { name: 'Review queue' }).click();
    const progress = page.locator('.review-progress');
    const says = async () => (await progress.textContent()) ?? '';
    for (const [i, q] of queued.slice(0, 3).entries()) {
      await expect.poll(says).toMatch(new RegExp(`^Pair ${i + 1} of ${queued.length} .* score ${q.score.toFixed(2)}`));
      expect(await page.locator('[aria-label="First entity"] h3').textContent()).toBe(q.a.name);
      expect(await page.locator('.review .compared').textContent()).toBe(
        `Compared: “${q.compared!.a}” and “${q.compared!.b}”`,
      );
      await page.keyboard.press('k');
    }
  });

  it('an entity page whose entity was merged away follows it to the entity it was merged into', async () => {
    const [big, small] = entities().filter((e, i, all) => i === 0 || e.mentions < all[0]!.mentions);
    await openEntity(page, small!.name);
    // Merged elsewhere (here by the command, in the case the browser has open): the page, shown again, follows it.
    cli(['merge-entities', ctx.casePath, String(big!.id), String(small!.id)]);
    await page.getByRole('tab', { name: 'Review queue' }).click();
    await page.getByRole('tab', { name: 'Entities' }).click();
    await expect.poll(() => page.getByLabel('Canonical name').inputValue()).toBe(big!.name);
    expect(await page.locator('.entity-notice').textContent()).toBe(
      `Entity ${small!.id} was merged into this one, entity ${big!.id}.`,
    );
    expect(await page.getByText(new RegExp(`^Entity ${big!.id} ·`)).isVisible()).toBe(true);
    merged = { big: big!, small: small! };
  });

  it('undoes a merge made before the last resolve by resolving again, and the entity merged away comes back under its id', async () => {
    expect(merged).toBeDefined();
    cli(['resolve', ctx.casePath]);
    await page.getByRole('tab', { name: 'Decisions' }).click();
    const rows = page.locator('.decisions-table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.nth(0).getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await page.getByRole('status').textContent()) ?? '')
      .toMatch(/^Undid decision \d+ \(same\): resolved again/);
    const back = entities().find((e) => e.id === merged!.small.id);
    expect(back).toMatchObject({ name: merged!.small.name, mentions: merged!.small.mentions });
  });
});
