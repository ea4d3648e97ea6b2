// The entity page tells the story and every number on it opens its records: from Poly Technologies to the
// provenance of a shipment to the Ulan-Ude Aviation Plant in a few clicks, and Back returns to the company.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDetail, EntitySummary, MentionRow } from '../../shared/domain/entities';
import { gridAgreesWith } from './grid-helpers';
import { browserOrSkip, callApi, launch, screenshotPath, serve, type Served } from './harness';

const run = browserOrSkip();

describe.runIf(run)('the entity page leads to the records behind it', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    served = await serve([]); // the welcome screen, which opens (and first builds) the sample case
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.getByRole('button', { name: 'Open sample case' }).click();
    await page.getByRole('heading', { name: 'Records' }).waitFor({ timeout: 180_000 });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const entityNamed = async (query: string) =>
    (await callApi<EntitySummary[]>(served, 'entities.list', { query, limit: 1 }))[0]!;

  it('reaches a customs row of a shipment to the Ulan-Ude plant from Poly Technologies in three clicks', async () => {
    const poly = await entityNamed('Poly Technologies');
    const plant = await entityNamed('Ulan-Ude Aviation Plant');
    const detail = await callApi<EntityDetail>(served, 'entities.get', { id: poly.id });
    expect(detail.counterparties.map((c) => c.entityId)).toContain(plant.id);

    // The company, found as an investigator would: its page opens with the counterparties first.
    await page
      .getByRole('button', { name: /Entities/ })
      .first()
      .click();
    await page.getByLabel('Search entities').fill('Poly Technologies');
    await page.locator('.entity-list[aria-busy="false"]').waitFor();
    await page.locator('.entity-list button').first().click();
    await page.getByRole('heading', { name: /^Counterparties/ }).waitFor();
    expect(await page.getByLabel('Canonical name').inputValue()).toBe(poly.name);
    await page.screenshot({ path: screenshotPath('entity-story-page'), fullPage: false });

    // Click 1: the number of records between the two.
    const row = page.locator(`tr[data-counterparty="${plant.id}"]`);
    await row.getByRole('button', { name: /^\d+ records between/ }).click();
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await expect.poll(() => page.locator('.entity-chips').textContent()).toContain(`Entity: ${poly.name}`);
    const query = { entityId: poly.id, counterpartyId: plant.id };
    expect(await gridAgreesWith(page, served, query, 5000)).toBeNull();
    const count = detail.counterparties.find((c) => c.entityId === plant.id)!.count;
    expect(await callApi<number>(served, 'records.count', query)).toBe(count);

    // Click 2: a row whose consignee is the plant (a shipment to it); its provenance shows.
    const listed = await callApi<{ id: number }[]>(served, 'records.list', { ...query, limit: 1000 });
    let shipment: { id: number; consignee: MentionRow } | undefined;
    for (const r of listed) {
      const consignee = (await callApi<MentionRow[]>(served, 'mentions.list', { recordId: r.id })).find(
        (m) => m.role === 'consignee',
      );
      if (consignee?.entityId === plant.id) {
        shipment = { id: r.id, consignee };
        break;
      }
    }
    expect(shipment).toBeDefined();
    await page.locator(`.records-row[data-record-id="${shipment!.id}"]`).click();
    const provenance = page.getByRole('region', { name: 'Provenance' });
    await provenance.waitFor();
    expect(await provenance.textContent()).toContain(shipment!.consignee.rawName);
    const consigneeLink = page.locator('.parties [data-role="consignee"] a');
    expect(await consigneeLink.textContent()).toBe(shipment!.consignee.rawName);
    expect(await consigneeLink.getAttribute('href')).toBe(`#/entities/${plant.id}`);
    await page.screenshot({ path: screenshotPath('entity-story-provenance') });

    // Back: the list without the detail, then the entity page again.
    await page.goBack();
    await expect.poll(() => page.getByRole('region', { name: 'Provenance' }).count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { name: /^Counterparties/ }).waitFor();
    expect(await page.getByLabel('Canonical name').inputValue()).toBe(poly.name);

    // Click 3 (the other way): from a record's party to that party's page.
    await page.goForward();
    await page.goForward();
    await page.locator('.parties [data-role="consignee"] a').click();
    await page.getByRole('heading', { name: /^Counterparties/ }).waitFor();
    await expect.poll(() => page.getByLabel('Canonical name').inputValue()).toBe(plant.name);
    expect(errors).toEqual([]);
  });

  it('opens a month of the timeline and an HS chapter as their records, and lifts the entity filter', async () => {
    const poly = await entityNamed('Poly Technologies');
    const detail = await callApi<EntityDetail>(served, 'entities.get', { id: poly.id });
    await page.goto(`${served.url.split('#')[0]}#/entities/${poly.id}`);
    await page.getByRole('heading', { name: /^Counterparties/ }).waitFor();
    // Months without records are drawn as gaps on the axis, not left out.
    const gaps = detail.timeline.filter((t) => t.count === 0).length;
    expect(gaps).toBeGreaterThan(0);
    expect(await page.locator('.timeline-gap').count()).toBe(gaps);
    expect(await page.locator('.timeline-bar').count()).toBe(detail.timeline.length - gaps);

    const month = detail.timeline.find((t) => t.count > 0)!;
    await page.getByRole('button', { name: new RegExp(`^${month.month}: `) }).click();
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    const monthQuery = { entityId: poly.id, dateFrom: `${month.month}-01`, dateTo: `${month.month}-31` };
    expect(await gridAgreesWith(page, served, monthQuery, 5000)).toBeNull();
    expect(await callApi<number>(served, 'records.count', monthQuery)).toBe(month.count);

    await page.goBack();
    const top = detail.counterparties[0]!;
    const chapter = top.hsChapters[0]!;
    await page
      .locator(`tr[data-counterparty="${top.entityId}"]`)
      .getByRole('button', { name: new RegExp(`^${chapter}\\b.*: HS chapter records between `) })
      .click();
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    const hsQuery = { entityId: poly.id, counterpartyId: top.entityId, hsPrefix: chapter };
    expect(await gridAgreesWith(page, served, hsQuery, 5000)).toBeNull();

    // The chip's × lifts the entity (and its counterparty) and leaves the other filters.
    await page.getByRole('button', { name: /^Remove filter Entity:/ }).click();
    expect(await gridAgreesWith(page, served, { hsPrefix: chapter }, 5000)).toBeNull();
    expect(await page.locator('.entity-chips').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
