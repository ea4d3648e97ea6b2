import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DiagramSummary, DiagramView } from '../../shared/domain/diagrams';
import type { RecordDetail } from '../../shared/domain/records';
import { usd } from '../../renderer/src/sections/diagrams/flow-model';
import { browserOrSkip, callApi, openCase, screenshotPath, servedSample } from './harness';

const run = browserOrSkip();

/**
 * The diagram canvas on the sample case, as an investigator uses it: a
 * diagram built from Poly Technologies at depth 1, its shipment edge to the
 * Ulan-Ude Aviation Plant checked against the records, then a drag, a note,
 * a tentative labelled link with two records as evidence, undo and redo, and
 * a reload that must show everything as it was left.
 */
describe.runIf(run)('diagrams in the browser', () => {
  const ctx = servedSample();
  let page: Page;
  /** The core, straight through the bridge (to check what the canvas shows against it). */
  const api = <T>(method: string, input: unknown) => callApi<T>(ctx.served, method, input);
  const node = (id: number) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const centre = async (selector: string) => {
    const box = (await page.locator(selector).first().boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
  }

  it('builds from Poly Technologies at depth 1, edits, undoes and redoes, and a reload shows everything as left', async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openCase(page, ctx.served.url);

    // The storyline's two companies, as the sample's ready diagram names them.
    const [sample] = await api<DiagramSummary[]>('diagrams.list', {});
    const ready = await api<DiagramView>('diagrams.get', { id: sample!.id });
    const [poly, plant] = ready.nodes.filter((n) => n.kind === 'entity').map((n) => n.ref!);

    // From Poly Technologies' page: a new diagram of its counterparties, depth 1.
    await page.evaluate((id) => (location.hash = `#/entities/${id}`), poly);
    await page.getByRole('button', { name: 'Add to diagram' }).click();
    const target = page.getByRole('dialog');
    await target.getByLabel('Name').fill('Poly, depth 1');
    await target.getByLabel('Counterparties').selectOption('1');
    await target.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/#\/diagrams\/\d+/, { timeout: 60_000 });
    const id = Number(/#\/diagrams\/(\d+)/.exec(page.url())![1]);
    let view = await api<DiagramView>('diagrams.get', { id });
    const polyNode = view.nodes.find((n) => n.ref === poly)!;
    const plantNode = view.nodes.find((n) => n.ref === plant)!;
    expect(view.nodes.length).toBeGreaterThan(2);

    // The shipment edge Poly → plant: its numbers are the sum of the records behind it, and the canvas shows them.
    const edge = view.edges.find(
      (e) => e.kind === 'shipment' && e.source === polyNode.id && e.target === plantNode.id,
    )!;
    const rows = await Promise.all(edge.recordIds!.map((r) => api<RecordDetail>('records.get', { id: r })));
    expect(edge.count).toBe(rows.length);
    expect(edge.count).toBeGreaterThan(5);
    const sum = rows.reduce((s, r) => s + (r.record.valueUsd ?? 0), 0);
    expect(edge.valueUsd).toBeCloseTo(sum, 2);
    // The sample's ready diagram draws the same pair: the same numbers.
    const [readyPoly, readyPlant] = ready.nodes.filter((n) => n.kind === 'entity');
    const sampleEdge = ready.edges.find((e) => e.source === readyPoly!.id && e.target === readyPlant!.id)!;
    expect([edge.count, edge.valueUsd]).toEqual([sampleEdge.count, sampleEdge.valueUsd]);
    const label = page.locator(`.edge-label[data-edge-id="${edge.id}"]`);
    await label.waitFor();
    expect(await label.textContent()).toContain(`${edge.count} shipments · ${usd(edge.valueUsd!)}${edge.firstDate}`);
    await label.click();
    const inspector = page.getByRole('complementary', { name: 'Selected edge' });
    expect(await inspector.getByTestId('edge-count').textContent()).toBe(String(edge.count));
    await inspector.locator('.evidence-record').first().waitFor();
    expect(await inspector.locator('.evidence-record').count()).toBe(Math.min(50, rows.length));

    // Drag the plant 120 px down: the move is stored.
    const before = await centre(`.react-flow__node[data-id="${plantNode.id}"] .node-label`);
    await drag(before, { x: before.x, y: before.y + 120 });
    await expect
      .poll(async () => (await api<DiagramView>('diagrams.get', { id })).nodes.find((n) => n.id === plantNode.id)!.y)
      .toBeGreaterThan(plantNode.y + 20);
    const moved = (await api<DiagramView>('diagrams.get', { id })).nodes.find((n) => n.id === plantNode.id)!;

    // A note on the plant.
    await node(plantNode.id).locator('.node-label').click();
    await page.getByLabel('Add a note to this node').fill('Contract 2022/17: rotor blades, see the summary PDF');
    await page.getByRole('button', { name: 'Add note' }).click();
    await node(plantNode.id).locator('.node-notes').waitFor();

    // A tentative, labelled link Poly → plant, drawn from handle to handle, with two records as evidence.
    await drag(
      await centre(`.react-flow__node[data-id="${polyNode.id}"] .react-flow__handle-right`),
      await centre(`.react-flow__node[data-id="${plantNode.id}"] .react-flow__handle-left`),
    );
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kind').selectOption('supplier_of');
    await dialog.getByLabel('tentative').check();
    await dialog.getByLabel('Label on the canvas').fill('supplies through an agent');
    const boxes = dialog.locator('.evidence-choice input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await dialog.getByRole('button', { name: 'Draw' }).click();
    const linkLabel = page.locator('.edge-label.link');
    await linkLabel.waitFor();
    expect(await linkLabel.textContent()).toContain('supplies through an agent (tentative)');
    const linked = async () => (await api<DiagramView>('diagrams.get', { id })).edges.filter((e) => e.kind === 'link');
    const [link] = await linked();
    expect(link!.grade).toBe('tentative');
    expect(link!.link!.evidence.filter((e) => e.kind === 'record')).toHaveLength(2);

    // Undo takes the link away, redo brings it back (the keys act on the canvas, not in a text field).
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await linked()).length).toBe(0);
    await linkLabel.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await linked()).length).toBe(1);
    await linkLabel.waitFor();

    // Reload: the same place, the same diagram, everything as left.
    await page.reload();
    await page.locator('.diagram-canvas').waitFor({ timeout: 60_000 });
    view = await api<DiagramView>('diagrams.get', { id });
    expect(view.nodes.find((n) => n.id === plantNode.id)).toMatchObject({ x: moved.x, y: moved.y });
    expect(view.nodes.find((n) => n.id === plantNode.id)!.annotations[0]!.text).toMatch(/^Contract 2022\/17/);
    await node(plantNode.id).locator('.node-notes').waitFor();
    expect(await node(plantNode.id).locator('.node-notes').textContent()).toContain('Contract 2022/17');
    expect(await page.locator('.edge-label.link').textContent()).toContain('supplies through an agent (tentative)');
    expect(await page.locator(`.react-flow__edge-path.link`).getAttribute('style')).toMatch(/stroke-dasharray: 8,? 5/);
    expect(await label.textContent()).toContain(`${edge.count} shipments`);
    const shown = await node(plantNode.id).boundingBox();
    expect(shown).not.toBeNull();
    await page.screenshot({ path: screenshotPath('diagram-canvas') });

    // One click from the link's evidence to the record's provenance.
    await page.locator('.edge-label.link').click();
    await page.getByRole('complementary', { name: 'Selected edge' }).locator('.evidence-record').first().click();
    await page.waitForURL(/#\/records\?record=\d+/);
    expect(errors).toEqual([]);
  }, 300_000);

  it('lists diagrams (rename, delete with undo), expands a node through the chooser, deletes a node with undo', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluate(() => (location.hash = '#/diagrams'));
    const list = page.locator('.diagram-list');
    await list.getByText('Poly, depth 1').waitFor();
    await page.getByRole('button', { name: 'Rename Poly, depth 1' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Poly network');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await list.getByText('Poly network').waitFor();
    await page.getByRole('button', { name: 'Delete Poly network' }).click();
    await list.getByText('Poly network').waitFor({ state: 'detached' });
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await list.getByText('Poly network').click();
    await page.locator('.diagram-canvas').waitFor();
    const id = Number(/#\/diagrams\/(\d+)/.exec(page.url())![1]);
    expect((await api<DiagramView>('diagrams.get', { id })).name).toBe('Poly network');
    await page.screenshot({ path: screenshotPath('diagram-list-after-undo') });

    // The sample's ready diagram: AVIC International and UEC trade with more companies than it shows.
    const [sample] = await api<DiagramSummary[]>('diagrams.list', {});
    await page.evaluate((d) => (location.hash = `#/diagrams/${d}`), sample!.id);
    await page.locator(`.diagram-canvas[data-diagram-id="${sample!.id}"]`).waitFor();
    const view = await api<DiagramView>('diagrams.get', { id: sample!.id });

    // Its counterparties in a chooser, the biggest ticked; adding them is one command.
    // A node with counterparties not on the diagram yet (the core says which).
    const offDiagram = async (nodeId: number) =>
      (
        await api<{ counterparties: { onDiagram: boolean }[] }>('diagrams.counterparties', {
          id: sample!.id,
          nodeId,
        })
      ).counterparties.filter((c) => !c.onDiagram).length;
    let grown: number | null = null;
    for (const n of view.nodes.filter((x) => x.kind === 'entity'))
      if (grown === null && (await offDiagram(n.id)) > 0) grown = n.id;
    expect(grown).not.toBeNull();
    await node(grown!).locator('.node-label').click();
    await page.getByRole('button', { name: 'Expand to counterparties…' }).click();
    const chooser = page.getByRole('dialog');
    await chooser.locator('.chooser-table tbody tr').first().waitFor();
    const add = chooser.getByRole('button', { name: /^Add \d+$/ });
    const adding = Number((await add.textContent())!.replace('Add ', ''));
    expect(adding).toBeGreaterThan(0);
    await add.click();
    await expect
      .poll(async () => (await api<DiagramView>('diagrams.get', { id: sample!.id })).nodes.length)
      .toBe(view.nodes.length + adding);
    await page.screenshot({ path: screenshotPath('diagram-expanded') });

    // Delete a node from the keyboard, and bring it back with Ctrl+Z.
    const expanded = await api<DiagramView>('diagrams.get', { id: sample!.id });
    const added = expanded.nodes.find((n) => !view.nodes.some((o) => o.id === n.id))!;
    await node(added.id).locator('.node-label').click();
    await page.keyboard.press('Delete');
    await node(added.id).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await node(added.id).waitFor();
    expect((await api<DiagramView>('diagrams.get', { id: sample!.id })).nodes).toHaveLength(expanded.nodes.length);
    expect(errors).toEqual([]);
  }, 300_000);

  it('adds the records of a filter to a new diagram, a source, filters its edges by HS chapter (undoable); a group carries its members', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const [sample] = await api<DiagramSummary[]>('diagrams.list', {});
    const ready = await api<DiagramView>('diagrams.get', { id: sample!.id });
    const poly = ready.nodes.find((n) => n.kind === 'entity')!.ref!;

    await page.evaluate(() => (location.hash = '#/records?q=Poly%20Technologies'));
    await page.getByText(/^\d+ records$/).waitFor();
    await page.locator('.records-section').getByRole('button', { name: 'Add to diagram' }).click();
    const target = page.getByRole('dialog', { name: 'Add records to a diagram' });
    await target.getByLabel('Name').fill('Poly records');
    await target.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/#\/diagrams\/\d+/, { timeout: 60_000 });
    const id = Number(/#\/diagrams\/(\d+)/.exec(page.url())![1]);
    const view = await api<DiagramView>('diagrams.get', { id });
    expect(view.name).toBe('Poly records');
    expect(view.nodes.some((n) => n.ref === poly)).toBe(true);
    expect(view.edges.filter((e) => e.kind === 'shipment').length).toBeGreaterThan(0);
    await page.locator('.edge-label').first().waitFor();

    // A source document beside them, from the toolbar.
    await page.getByText('+ Source', { exact: true }).click();
    await page.locator('.popover-body').getByRole('button').filter({ hasText: /\w/ }).last().click();
    await page.locator('.diagram-node.document').waitFor();
    expect((await api<DiagramView>('diagrams.get', { id })).nodes.filter((n) => n.kind === 'document')).toHaveLength(1);

    // Only HS chapter 88 (aircraft parts): every edge re-aggregated over those records only.
    await page.getByText('Filter', { exact: true }).click();
    await page.getByLabel('HS chapters').fill('88');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Filtered', { exact: true }).waitFor();
    const filtered = await api<DiagramView>('diagrams.get', { id });
    expect(filtered.filters.hsChapters).toEqual(['88']);
    for (const e of filtered.edges.filter((x) => !x.filteredOut)) expect(e.hsChapters).toEqual(['88']);
    await page.screenshot({ path: screenshotPath('diagram-from-records-filtered') });
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await page.getByText('Filter', { exact: true }).waitFor();
    expect((await api<DiagramView>('diagrams.get', { id })).filters.hsChapters).toEqual([]);

    // A group box drawn around Poly carries it when dragged, in one stored move.
    const polyNode = (await api<DiagramView>('diagrams.get', { id })).nodes.find((n) => n.ref === poly)!;
    const box = { x: polyNode.x - 20, y: polyNode.y - 40, w: polyNode.w + 40, h: polyNode.h + 60 };
    await api('diagrams.apply', { id, ops: [{ op: 'addNode', kind: 'group', label: 'Poly group', ...box }] });
    await page.reload();
    const group = (await api<DiagramView>('diagrams.get', { id })).nodes.find((n) => n.kind === 'group')!;
    const grip = await centre(`.react-flow__node[data-id="${group.id}"] .group-label`);
    await drag(grip, { x: grip.x + 150, y: grip.y });
    await expect
      .poll(async () => (await api<DiagramView>('diagrams.get', { id })).nodes.find((n) => n.id === group.id)!.x)
      .not.toBe(group.x);
    const after = await api<DiagramView>('diagrams.get', { id });
    const dx = after.nodes.find((n) => n.id === group.id)!.x - group.x;
    expect(dx).toBeGreaterThan(20);
    expect(after.nodes.find((n) => n.id === polyNode.id)!.x - polyNode.x).toBeCloseTo(dx, 0);
    expect(errors).toEqual([]);
  }, 300_000);

  it('says when the records behind a diagram changed since it was last opened: a merge folds two nodes into one', async () => {
    const [sample] = await api<DiagramSummary[]>('diagrams.list', {});
    const open = async () => {
      await page.evaluate(() => (location.hash = '#/diagrams'));
      await page.locator('.diagram-list').waitFor();
      await page.evaluate((d) => (location.hash = `#/diagrams/${d}`), sample!.id);
      await page.locator(`.diagram-canvas[data-diagram-id="${sample!.id}"]`).waitFor();
      await page.locator('.react-flow__node').first().waitFor();
    };
    await open();
    expect(await page.locator('.diagram-changed').count()).toBe(0);
    const before = await api<DiagramView>('diagrams.get', { id: sample!.id });
    const [, , avic, uec] = before.nodes.filter((n) => n.kind === 'entity');

    // Merged elsewhere (the entity pages): one node now stands for both, and the canvas says the numbers changed.
    await page.evaluate(() => (location.hash = '#/diagrams'));
    const merge = await api<{ judgementId: number }>('entities.merge', { ids: [avic!.ref, uec!.ref] });
    await open();
    await page.locator('.diagram-changed').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(before.nodes.length - 1);
    await page.screenshot({ path: screenshotPath('diagram-changed-notice') });

    // The merge undone: both nodes are back.
    await page.evaluate(() => (location.hash = '#/diagrams'));
    await api('judgements.undo', { id: merge.judgementId });
    await open();
    await page.locator('.diagram-changed').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(before.nodes.length);
  }, 300_000);
});
