import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagramSummary, DiagramView, ShipmentAggregate, Timeline } from '../../shared/domain/diagrams';
import { browserOrSkip, callApi, openCase, screenshotPath, servedSample } from './harness';

const run = browserOrSkip();

/**
 * Editing the canvas on the sample case: copy nodes with Ctrl+C and paste
 * them into another diagram with Ctrl+V, align and distribute a selection,
 * group it (the group carries its members; dragging one out takes it out),
 * snap to the grid; each one command that Ctrl+Z takes back.
 */
describe.runIf(run)('editing diagrams in the browser', () => {
  const ctx = servedSample();
  let page: Page;
  let sample: DiagramSummary;

  beforeAll(async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openCase(page, ctx.served.url);
    sample = (await api<DiagramSummary[]>('diagrams.list', {}))[0]!;
  }, 180_000);

  const api = <T>(method: string, input: unknown) => callApi<T>(ctx.served, method, input);
  const get = (id: number) => api<DiagramView>('diagrams.get', { id });
  const node = (id: number) => page.locator(`.react-flow__node[data-id="${id}"]`);
  async function open(id: number) {
    await page.evaluate((d) => (location.hash = `#/diagrams/${d}`), id);
    await page.locator(`[data-diagram-id="${id}"] .react-flow__node`).first().waitFor({ timeout: 60_000 });
  }
  async function select(ids: number[]) {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    for (const [i, id] of ids.entries()) await node(id).click({ modifiers: i ? ['Control'] : [] });
  }
  async function dragBy(locator: ReturnType<Page['locator']>, dx: number, dy: number) {
    const b = (await locator.boundingBox())!;
    const from = { x: b.x + Math.min(30, b.width / 2), y: b.y + Math.min(12, b.height / 2) };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (const f of [0.5, 1]) await page.mouse.move(from.x + dx * f, from.y + dy * f, { steps: 6 });
    await page.mouse.up();
  }
  /** Opens or closes the Arrange popover (it stays open between its actions, over the canvas). */
  async function arrangeOpen(open: boolean) {
    const isOpen = (await page.locator('.edit-tools').getAttribute('open')) !== null;
    if (isOpen !== open) await page.locator('.edit-tools > summary').click();
  }
  const arrange = (button: string) =>
    arrangeOpen(true).then(() =>
      page.locator('.edit-tools').getByRole('button', { name: button, exact: true }).click(),
    );

  it('Ctrl+C copies nodes, Ctrl+V pastes them into another diagram: entities not doubled, shipments from the records, one undo', async () => {
    const from = await get(sample.id);
    const entities = from.nodes.filter((n) => n.kind === 'entity');
    // A pair that trades: their nodes share a shipment edge.
    const pair = from.edges.find((e) => e.kind === 'shipment')!;
    const [a, b] = [pair.source, pair.target].map((id) => entities.find((n) => n.id === id)!);
    const target = await api<DiagramView>('diagrams.create', { name: 'Paste target' });
    await api('diagrams.apply', {
      id: target.id,
      ops: [{ op: 'addNode', kind: 'entity', ref: b!.ref, x: 0, y: 0 }],
    });
    await open(sample.id);
    await select([a!.id, b!.id]);
    await page.keyboard.press('Control+c');
    await open(target.id);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await get(target.id)).nodes.length).toBe(2);
    const pasted = await get(target.id);
    expect(pasted.nodes.map((n) => n.ref).sort()).toEqual([a!.ref, b!.ref].sort());
    expect(pasted.history.undo).toBe('Paste 2 nodes');
    const truth = await api<ShipmentAggregate[]>('diagrams.shipments', { entityIds: [a!.ref, b!.ref] });
    const refOf = (id: number) => pasted.nodes.find((n) => n.id === id)!.ref;
    expect(
      pasted.edges.map((e) => `${e.kind}:${refOf(e.source)}>${refOf(e.target)}:${e.count}:${e.valueUsd}`).sort(),
    ).toEqual(truth.map((s) => `shipment:${s.source}>${s.target}:${s.count}:${s.valueUsd}`).sort());
    await page.locator('.edge-label').first().waitFor();
    await page.screenshot({ path: screenshotPath('diagram-pasted') });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await get(target.id)).nodes.map((n) => n.ref)).toEqual([b!.ref]);
  });

  it('at 1440 × 900 the toolbar holds on one line, find box included', async () => {
    await open(sample.id);
    const toolbar = (await page.locator('.diagram-toolbar').boundingBox())!;
    const find = (await page.getByLabel('Find in diagram').boundingBox())!;
    const undo = (await page.locator('.diagram-toolbar').getByRole('button', { name: 'Undo' }).boundingBox())!;
    await page.screenshot({ path: screenshotPath('diagram-toolbar-1440') });
    expect(Math.abs(find.y + find.height / 2 - (undo.y + undo.height / 2))).toBeLessThan(4);
    expect(toolbar.height).toBeLessThan(60);
    // Names in Cyrillic (the Arrange menu): the Russian companies by their Russian names; one undo goes back.
    await page.locator('.edit-tools > summary').click();
    await page.locator('.edit-tools').getByLabel('Entity names in').selectOption('cyrillic');
    await page.locator('.diagram-node.entity .node-label', { hasText: /Улан-Удэнский/i }).waitFor();
    await page.locator('.edit-tools > summary').click();
    await page.screenshot({ path: screenshotPath('diagram-names-cyrillic') });
    expect((await get(sample.id)).nameScript).toBe('cyrillic');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await get(sample.id)).nameScript).toBe('display');
  });

  it('aligns and distributes the selection, each one undoable move', async () => {
    await open(sample.id);
    const before = await get(sample.id);
    const three = before.nodes.filter((n) => n.kind !== 'group').slice(0, 3);
    await select(three.map((n) => n.id));
    await arrange('Top');
    await expect.poll(async () => (await get(sample.id)).history.undo).toBe('Align top');
    const top = Math.min(...three.map((n) => n.y));
    expect((await get(sample.id)).nodes.filter((n) => three.some((t) => t.id === n.id)).map((n) => n.y)).toEqual([
      top,
      top,
      top,
    ]);
    await arrange('Horizontally');
    await expect.poll(async () => (await get(sample.id)).history.undo).toBe('Distribute horizontally');
    const spaced = (await get(sample.id)).nodes
      .filter((n) => three.some((t) => t.id === n.id))
      .sort((p, q) => p.x - q.x);
    const gaps = [spaced[1]!.x - spaced[0]!.x - spaced[0]!.w, spaced[2]!.x - spaced[1]!.x - spaced[1]!.w];
    expect(Math.abs(gaps[0]! - gaps[1]!)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('diagram-aligned') });
    await arrangeOpen(false);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await get(sample.id)).nodes.map((n) => [n.id, n.x, n.y]))
      .toEqual(before.nodes.map((n) => [n.id, n.x, n.y]));
  });

  it('groups the selection; the group carries its members; a member dragged out leaves it, and undo puts it back', async () => {
    await open(sample.id);
    const before = await get(sample.id);
    const [m1, m2] = before.nodes.filter((n) => n.kind === 'entity');
    await select([m1!.id, m2!.id]);
    await arrange('Group selected');
    await expect.poll(async () => (await get(sample.id)).history.undo).toBe('Group nodes');
    const grouped = await get(sample.id);
    const group = grouped.nodes.find((n) => n.kind === 'group')!;
    await arrangeOpen(false);
    expect(grouped.nodes.filter((n) => n.parentId === group.id).map((n) => n.id)).toEqual([m1!.id, m2!.id]);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await dragBy(node(group.id).locator('.group-label'), 160, 60);
    await expect.poll(async () => (await get(sample.id)).nodes.find((n) => n.id === group.id)!.x).not.toBe(group.x);
    const moved = await get(sample.id);
    const dx = moved.nodes.find((n) => n.id === group.id)!.x - group.x;
    const dy = moved.nodes.find((n) => n.id === group.id)!.y - group.y;
    expect(dx).toBeGreaterThan(50);
    for (const m of [m1!, m2!]) {
      const now = moved.nodes.find((n) => n.id === m.id)!;
      expect([now.x - m.x, now.y - m.y]).toEqual([dx, dy]);
    }
    await page.screenshot({ path: screenshotPath('diagram-group-carried') });
    // Out of the box: no longer a member. Undo: back in it, where it was.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await dragBy(node(m2!.id), 0, 420);
    await expect.poll(async () => (await get(sample.id)).nodes.find((n) => n.id === m2!.id)!.parentId).toBe(null);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await get(sample.id)).nodes.find((n) => n.id === m2!.id)!.parentId).toBe(group.id);
  });

  it('snaps dragged nodes to the grid while snapping is on, and not when it is off (kept as a preference)', async () => {
    await open(sample.id);
    const entity = (await get(sample.id)).nodes.find((n) => n.kind === 'entity' && n.parentId === null)!;
    const xOf = async () => (await get(sample.id)).nodes.find((n) => n.id === entity.id)!;
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await dragBy(node(entity.id), 47, 33);
    await expect.poll(async () => (await xOf()).x).not.toBe(entity.x);
    const snapped = await xOf();
    expect([snapped.x % 20, snapped.y % 20]).toEqual([0, 0]);
    await arrangeOpen(true);
    await page.locator('.edit-tools').getByLabel('Snap to grid').uncheck();
    await arrangeOpen(false);
    await dragBy(node(entity.id), 47, 33);
    await expect.poll(async () => (await xOf()).x).not.toBe(snapped.x);
    const free = await xOf();
    expect(free.x % 20 !== 0 || free.y % 20 !== 0).toBe(true);
    // A preference of the person: still off after a reload.
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    await arrangeOpen(true);
    expect(await page.locator('.edit-tools').getByLabel('Snap to grid').isChecked()).toBe(false);
  });

  it('the entity page shows its shipments on a time axis, one lane per counterparty; a lane opens those records', async () => {
    const poly = (await get(sample.id)).nodes.find((n) => n.kind === 'entity')!.ref!;
    const truth = await api<Timeline>('diagrams.timeline', { entityId: poly });
    expect(new Set(truth.lanes.map((l) => l.target)).size).toBe(truth.lanes.length);
    await page.evaluate((id) => (location.hash = `#/entities/${id}`), poly);
    const lanes = page.getByRole('region', { name: 'Shipments by counterparty' });
    await lanes.locator('.shipment-timeline-lane-label').first().waitFor({ timeout: 60_000 });
    expect(await lanes.locator('.shipment-timeline-lane-label').count()).toBe(truth.lanes.length);
    await lanes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('entity-counterparty-lanes') });
    await lanes.locator('.shipment-timeline-lane-label').first().click();
    await page.waitForURL(new RegExp(`#/records\\?.*cp=${truth.lanes[0]!.target}`));
    expect(page.url()).toContain(`entity=${poly}`);
  });

  it('Records: checkboxes, a shift-click range and “all matching” feed Add to diagram', async () => {
    await page.evaluate(() => (location.hash = '#/records?q=Poly%20Technologies'));
    await page.getByText(/^\d+ records$/).waitFor({ timeout: 60_000 });
    const rows = page.locator('.records-row[data-record-id]');
    await rows.nth(3).waitFor();
    await rows.nth(0).locator('.row-check').click();
    await rows
      .nth(3)
      .locator('.row-check')
      .click({ modifiers: ['Shift'] });
    await page.getByText('4 selected').waitFor();
    const ids = await Promise.all(
      [0, 1, 2, 3].map(async (i) => Number(await rows.nth(i).getAttribute('data-record-id'))),
    );
    // Checking a row does not open it.
    expect(page.url()).not.toContain('record=');
    await page.screenshot({ path: screenshotPath('records-checked') });

    const parties = new Set<number>();
    for (const id of ids)
      for (const m of await api<{ role: string; entityId: number | null }[]>('mentions.list', { recordId: id }))
        if ((m.role === 'shipper' || m.role === 'consignee') && m.entityId !== null) parties.add(m.entityId);
    await page.locator('.records-section').getByRole('button', { name: 'Add to diagram' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add records to a diagram' });
    expect(await dialog.getByLabel('Name').inputValue()).toBe('4 selected records');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/#\/diagrams\/\d+/, { timeout: 60_000 });
    const made = await get(Number(/#\/diagrams\/(\d+)/.exec(page.url())![1]));
    expect(new Set(made.nodes.map((n) => n.ref))).toEqual(parties);

    // The header's box: every record matching the filter.
    await page.goBack();
    await page.getByText(/^\d+ records$/).waitFor();
    const total = Number((await page.getByText(/^\d+ records$/).textContent())!.split(' ')[0]);
    await page.getByLabel('Select every record matching the filter').check();
    await page.getByText(`All ${total} selected`).waitFor();
    expect(await rows.nth(5).locator('.row-check').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await rows.nth(5).locator('.row-check').isChecked()).toBe(false);
  });

  it('Records: “Link…” draws a graded link between the checked rows’ shipper and consignee, resting on them', async () => {
    await page.evaluate(() => (location.hash = '#/records?q=Poly%20Technologies'));
    await page.getByText(/^\d+ records$/).waitFor({ timeout: 60_000 });
    const rows = page.locator('.records-row[data-record-id]');
    await rows.nth(1).waitFor();
    await rows.nth(0).locator('.row-check').click();
    await rows.nth(1).locator('.row-check').click();
    const ids = await Promise.all([0, 1].map(async (i) => Number(await rows.nth(i).getAttribute('data-record-id'))));
    await page.getByRole('button', { name: 'Link…' }).click();
    // Rows of two pairs ask which; one pair goes straight on.
    const first = page.getByRole('dialog');
    await first.waitFor();
    if ((await first.textContent())!.includes('Link which two companies?'))
      await first.getByRole('button', { name: 'Continue' }).click();
    const where = page.getByRole('dialog', { name: 'Draw the link on a diagram' });
    await where.getByLabel('Name').fill('Linked from records');
    await where.getByRole('button', { name: 'Add' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kind').selectOption('supplier_of');
    await dialog.getByLabel('tentative').check();
    const ticked = dialog.locator('.evidence-choice input[type="checkbox"]');
    await ticked.first().waitFor();
    expect(await ticked.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([
      true,
      true,
    ]);
    await dialog.getByRole('button', { name: 'Draw' }).click();
    await page.waitForURL(/#\/diagrams\/\d+/, { timeout: 60_000 });
    const made = await get(Number(/#\/diagrams\/(\d+)/.exec(page.url())![1]));
    expect(made.name).toBe('Linked from records');
    const link = made.edges.find((e) => e.kind === 'link')!;
    expect(link.grade).toBe('tentative');
    expect(link.link!.evidence.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(made.history.undo).toBe('Link from records');
    await page.locator('.diagram-node.entity').first().waitFor();
    await page.screenshot({ path: screenshotPath('link-from-records') });
  });
});
