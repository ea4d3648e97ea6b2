import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openEntitiesSection, openEntity, resolvedCase } from './entities-setup';
import { browserOrSkip, cli, screenshotPath } from './harness';

const run = browserOrSkip();

describe.runIf(run)('entities in the browser', () => {
  const ctx = resolvedCase('Entities');

  it('finds a company by a name in another script, shows its page, and reviews a pair from the keyboard', async () => {
    const errors: string[] = [];
    const page = await openEntitiesSection(ctx.browser, ctx.served.url, errors);

    // Searched in Cyrillic, the aviation plant comes up with its Latin names on its page.
    await page.getByLabel('Search entities').fill('авиационный');
    // The list says it is busy until the answer to this search is in: a click before would open a company of the last.
    await page.locator('.entity-list[aria-busy="false"]').waitFor();
    await page.locator('.entity-list button').first().click();
    await page.getByText('Names seen').waitFor();
    expect(
      await page
        .getByText(/Ulan.Ude Aviation Plant/i)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await page.getByRole('heading', { name: /^Counterparties/ }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('entities-page') });

    await page.getByRole('tab', { name: 'Review queue' }).click();
    const progress = page.locator('.review-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/Pair 1 of/);
    await page.screenshot({ path: screenshotPath('entities-review') });
    await page.keyboard.press('n');
    await expect.poll(async () => (await progress.textContent()) ?? '').toMatch(/1 decided/);
    expect(errors).toEqual([]);
  });
});

interface Listed {
  id: number;
  name: string;
  aliases: string[];
  mentions: number;
}
interface Queued {
  id: number;
  a: { entityId: number; name: string };
  b: { entityId: number; name: string };
}

describe.runIf(run)('merging, splitting and undoing in the browser', () => {
  const ctx = resolvedCase('Entity decisions');
  // What the case holds, read by the CLI from the file the browser is changing.
  const entities = () => cli(['entities', ctx.casePath]) as Listed[];
  const queued = () => cli(['review', ctx.casePath, '--limit', '1000']) as Queued[];
  const namesOf = (e: Listed) => [e.name, ...e.aliases];
  const holding = (list: Listed[], name: string) => list.filter((e) => namesOf(e).includes(name)).map((e) => e.id);
  /** The first queued pair whose entities' names are theirs alone (a spelling may be two namesakes' in two countries). */
  const plainPair = (list: Listed[]) =>
    queued().find((p) => holding(list, p.a.name).length === 1 && holding(list, p.b.name).length === 1)!;
  /** The two entities of that pair. */
  const plainEntities = (list: Listed[]) => {
    const pair = plainPair(list);
    return { a: list.find((e) => e.id === pair.a.entityId)!, b: list.find((e) => e.id === pair.b.entityId)! };
  };
  /** Opens `a`'s page and looks for `b` through “Merge with…”; the list of what it found. */
  async function searchMergeWith(a: Listed, b: Listed) {
    await openEntity(page, a.name);
    await page.getByRole('button', { name: 'Merge with…' }).click();
    await page.getByLabel('Find an entity to merge with').fill(b.name);
    return page.getByRole('list', { name: 'Entities to merge with' });
  }

  let page: Page;
  const errors: string[] = [];
  /** Shared by the tests below, which run in order on one case. */
  const made: { split?: { from: number; names: string[] }; merged?: { a: string; b: string; count: number } } = {};

  beforeAll(async () => {
    page = await openEntitiesSection(ctx.browser, ctx.served.url, errors);
  });
  afterEach(() => expect(errors).toEqual([]));

  it('splits ticked names off into a new entity', async () => {
    const before = entities();
    // An entity with a few names (all of them listed: the CLI lists up to 50); its two least-mentioned names leave it.
    const from = before.find((e) => e.aliases.length >= 4 && e.aliases.length < 40)!;
    expect(from).toBeDefined();
    await openEntity(page, from.name);
    const split = page.getByRole('button', { name: /^Split (\d+ )?names? into a new entity$/ });
    expect(await split.isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('entities-page-controls') });

    const boxes = page.locator('section[aria-label="Names seen"] tbody input[type="checkbox"]');
    const rows = await boxes.count();
    expect(rows).toBe(namesOf(from).length);
    const leaving: string[] = [];
    for (const i of [rows - 1, rows - 2]) {
      await boxes.nth(i).check();
      leaving.push((await boxes.nth(i).getAttribute('value'))!);
    }
    expect(await split.textContent()).toBe('Split 2 names into a new entity');
    await page.screenshot({ path: screenshotPath('entities-split') });
    await split.click();

    const notice = page.locator('.entity-notice');
    await expect.poll(async () => (await notice.textContent()) ?? '').toMatch(/Split 2 names into a new entity \d+/);
    const createdId = Number(/entity (\d+)/.exec((await notice.textContent())!)![1]);
    await expect.poll(() => boxes.count()).toBe(rows - 2);
    expect(await page.getByText(`Names seen (${rows - 2})`).isVisible()).toBe(true);

    const after = entities();
    expect(after).toHaveLength(before.length + 1);
    expect(before.some((e) => e.id === createdId)).toBe(false);
    const created = after.find((e) => e.id === createdId)!;
    expect(namesOf(created).sort()).toEqual([...leaving].sort());
    const stayed = after.find((e) => e.id === from.id)!;
    expect(namesOf(stayed).some((n) => leaving.includes(n))).toBe(false);
    expect(stayed.mentions + created.mentions).toBe(from.mentions);

    // The notice opens the new entity.
    await notice.getByRole('button', { name: /^Open/ }).click();
    await expect.poll(() => page.getByLabel('Canonical name').inputValue()).toBe(created.name);
    expect(await page.getByText('Names seen (2)').isVisible()).toBe(true);
    made.split = { from: from.id, names: leaving };
  });

  it('opens a counterparty’s page from the trade table', async () => {
    const top = entities()[0]!;
    await openEntity(page, top.name);
    const counterparty = page.locator('.entity-table button.counterparty').first();
    const name = (await counterparty.textContent())!;
    const id = /entity (\d+)/.exec((await counterparty.getAttribute('title'))!)![1];
    await counterparty.click();
    await expect.poll(() => page.getByLabel('Canonical name').inputValue()).toBe(name);
    expect(name).not.toBe(top.name);
    expect(await page.getByText(new RegExp(`^Entity ${id} ·`)).isVisible()).toBe(true);
  });

  it('merges two entities through “Merge with…”', async () => {
    const before = entities();
    const { a, b } = plainEntities(before);
    const results = await searchMergeWith(a, b);
    await results.waitFor();
    expect(await results.textContent()).not.toContain(`entity ${a.id}`);
    await page.screenshot({ path: screenshotPath('entities-merge-search') });
    await results
      .getByRole('button')
      .filter({ hasText: `entity ${b.id}` })
      .click();
    const confirm = page.locator('.merge-confirm');
    expect(await confirm.textContent()).toContain(b.name);
    await page.getByLabel('Note on the merge').fill('Same address in Dubai');
    await page.screenshot({ path: screenshotPath('entities-merge') });
    await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(async () => (await page.locator('.entity-notice').textContent()) ?? '').toMatch(/^Merged/);

    const after = entities();
    expect(after).toHaveLength(before.length - 1);
    const kept = after.filter((e) => e.id === a.id || e.id === b.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.mentions).toBe(a.mentions + b.mentions);
    expect(await page.getByLabel('Canonical name').inputValue()).toBe(kept[0]!.name);
    made.merged = { a: a.name, b: b.name, count: before.length };
  });

  it('lists both decisions, newest first, and undoes the merge', async () => {
    expect(made.split && made.merged).toBeTruthy();
    await page.getByRole('tab', { name: 'Decisions' }).click();
    const rows = page.locator('.decisions-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const merge = rows.nth(0);
    const split = rows.nth(1);
    expect(await merge.locator('.decision').textContent()).toBe('Same');
    expect(await split.locator('.decision').textContent()).toBe('Not the same');
    const sides = async (row: typeof merge) =>
      (await row.locator('.decision-names').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? '')))
        .join('\n')
        .split('\n');
    expect(await sides(merge)).toEqual(expect.arrayContaining([made.merged!.a, made.merged!.b]));
    expect(await sides(split)).toEqual(expect.arrayContaining(made.split!.names));
    expect(await merge.textContent()).toContain('Same address in Dubai');
    await page.screenshot({ path: screenshotPath('entities-decisions') });

    await merge.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await page.getByRole('status').textContent()) ?? '').toMatch(/^Undid decision/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).locator('.decision').textContent()).toBe('Not the same');

    // The two entities are apart again; the split still holds.
    const after = entities();
    expect(after).toHaveLength(made.merged!.count);
    const [withA, withB] = [holding(after, made.merged!.a), holding(after, made.merged!.b)];
    expect(withA).toHaveLength(1);
    expect(withB).toHaveLength(1);
    expect(withA[0]).not.toBe(withB[0]);
    const [first, second] = made.split!.names.map((n) => holding(after, n));
    expect(first).toHaveLength(1);
    expect(first).toEqual(second);
    expect(first).not.toContain(made.split!.from);

    // Undone decisions stay on record, greyed, with who undid them.
    await page.getByLabel('Show undone').check();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('class')).toContain('revoked');
    expect(await rows.nth(0).textContent()).toMatch(/Undone by \S+/);
    expect(await rows.nth(0).getByRole('button', { name: 'Undo' }).count()).toBe(0);
    expect(await rows.nth(1).getAttribute('class')).not.toContain('revoked');
    await page.screenshot({ path: screenshotPath('entities-decisions-undone') });
  });

  it('Z in the review queue undoes the last decision and goes back to its pair', async () => {
    await page.getByRole('tab', { name: 'Review queue' }).click();
    const progress = page.locator('.review-progress');
    const says = async () => (await progress.textContent()) ?? '';
    await expect.poll(says).toMatch(/^Pair 1 of/);
    const shown = async () => [
      await page.locator('[aria-label="First entity"] h3').textContent(),
      await page.locator('[aria-label="Second entity"] h3').textContent(),
    ];
    const panel = page.locator('.review');
    const notice = panel.getByRole('status');
    /** The queue once every key pressed has been dealt with: the pair it shows, the decisions counted, its notice. */
    const settled = async () => {
      if ((await panel.getAttribute('aria-busy')) !== 'false') return 'still working';
      return {
        pair: ((await shown()) as string[]).sort(),
        decided: Number(/ (\d+) decided/.exec(await says())?.[1]),
        notice: (await notice.count()) > 0 ? await notice.textContent() : null,
      };
    };
    const undid = (word: string, [a, b]: (string | null)[]) => `Undid “${word}” on ${a} / ${b}.`;
    const waiting = queued().length;
    expect(await page.getByRole('button', { name: /Undo last/ }).isDisabled()).toBe(true);

    // Decided on the second pair (after a skip), so “back to that pair” is not just the top of the queue.
    await page.keyboard.press('k');
    await expect.poll(says).toMatch(/^Pair 2 of/);
    const second = await shown();
    const order = queued();
    const sides = (q: Queued) => [q.a.name, q.b.name];
    // A decision takes its pair out of the way: the queue goes on with the pair after it (now the second of one
    // fewer), not back to the pair skipped at the top.
    await page.keyboard.press('n');
    await expect.poll(says).toMatch(new RegExp(`^Pair 2 of ${waiting - 1} .* 1 decided`));
    expect(queued()).toHaveLength(waiting - 1);
    const third = await shown();
    expect(third).toEqual(sides(order[2]!));
    await page.screenshot({ path: screenshotPath('entities-review-undo') });

    await page.keyboard.press('z');
    await expect.poll(says).toMatch(new RegExp(`^Pair 2 of ${waiting} .* 0 decided`));
    expect(await shown()).toEqual(second);
    expect(queued()).toHaveLength(waiting);
    expect(await notice.textContent()).toMatch(/^Undid “Not the same”/);
    expect(await page.getByRole('button', { name: /Undo last/ }).isDisabled()).toBe(true);

    // Keys pressed as fast as a user types them, while the decision before is still being saved, wait for it:
    // Z right after U undoes that U.
    await page.keyboard.press('u');
    await page.keyboard.press('z');
    await expect.poll(settled).toEqual({ pair: [...second].sort(), decided: 0, notice: undid('Unsure', second) });
    expect(queued()).toHaveLength(waiting);

    // Two decisions in a row decide two pairs, one after the other; Z undoes the later one, the next Z the earlier one.
    // (The first undo resolves the case again with the first decision holding, so the queue may differ from the one
    // seen before and the pair it goes back to may have another canonical name: its notice names the pair as decided.)
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await page.keyboard.press('z');
    await expect.poll(settled).toMatchObject({ decided: 1, notice: undid('Not the same', third) });
    await page.keyboard.press('z');
    await expect.poll(settled).toEqual({ pair: [...second].sort(), decided: 0, notice: undid('Not the same', second) });
    expect(queued()).toHaveLength(waiting);
    expect(await page.getByRole('button', { name: /Undo last/ }).isDisabled()).toBe(true);

    // A “same” merges the pair, and the queue goes on with the pair after it (the merged-away entity's pairs are the
    // survivor's now); Z puts both entities back under their numbers, with their names, and shows that pair again.
    const listed = entities();
    await page.keyboard.press('s');
    await expect.poll(says).toMatch(/1 decided/);
    expect(entities()).toHaveLength(listed.length - 1);
    const next = queued()[1]!;
    expect(next.id).toBe(order[2]!.id);
    await expect.poll(shown).toEqual(sides(next));
    expect(await says()).toMatch(new RegExp(`^Pair 2 of ${queued().length} `));
    await page.keyboard.press('z');
    await expect.poll(says).toMatch(new RegExp(`^Pair 2 of ${waiting} .* 0 decided`));
    expect(await shown()).toEqual(second);
    expect(entities()).toEqual(listed);
    expect(queued()).toEqual(order);

    // S S Z Z at typing speed: two merges, each on the pair the one before left on screen, then both undone, the
    // later first; the queue ends on the first merged pair with the case as it was.
    const at = Number(/^Pair (\d+)/.exec(await says())![1]);
    await page.keyboard.press('k');
    await expect.poll(says).toMatch(new RegExp(`^Pair ${at + 1} of .* 0 decided`));
    const fourth = await shown();
    expect([...fourth].sort()).not.toEqual([...second].sort());
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await page.keyboard.press('z');
    await page.keyboard.press('z');
    await expect
      .poll(settled, { timeout: 120_000 })
      .toEqual({ pair: [...fourth].sort(), decided: 0, notice: undid('Same', fourth) });
    expect(entities()).toEqual(listed);
    expect(queued()).toHaveLength(waiting);
    expect(errors).toEqual([]);
  }, 300_000);

  it('undoes a merge from the notice right after it', async () => {
    const before = entities();
    // Which names go together, and how often.
    const grouping = (list: Listed[]) => list.map((e) => `${namesOf(e).sort().join(' | ')} (${e.mentions})`).sort();
    const { a, b } = plainEntities(before);
    const results = await searchMergeWith(a, b);
    await results
      .getByRole('button')
      .filter({ hasText: `entity ${b.id}` })
      .click();
    await page.locator('.merge-confirm').getByRole('button', { name: 'Merge', exact: true }).click();
    const notice = page.locator('.entity-notice');
    await expect.poll(async () => (await notice.textContent()) ?? '').toMatch(/^Merged/);
    expect(entities()).toHaveLength(before.length - 1);
    await page.screenshot({ path: screenshotPath('entities-merge-undo') });

    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await notice.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/^Undid the merge of/);
    expect(await notice.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    const after = entities();
    // Put back as it was: the same entities under the same numbers.
    expect(after).toEqual(before);
    expect(grouping(after)).toEqual(grouping(before));
    const [withA, withB] = [holding(after, a.name), holding(after, b.name)];
    expect(withA).toHaveLength(1);
    expect(withB).toHaveLength(1);
    expect(withA[0]).not.toBe(withB[0]);
  });
});
