import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { DiagramSummary, DiagramView } from '../../shared/domain/diagrams';
import { chplTierColour } from '../../shared/diagrams/chpl-colours';
import { diagramToSvg } from '../../shared/diagrams/svg';
import { browserOrSkip, callApi, openCase, screenshotPath, servedSample } from './harness';

const run = browserOrSkip();

/**
 * The canvas's tools on the sample case's ready diagram: ELK auto-layout in
 * its worker (one undoable move), the timeline whose brushed range filters
 * the diagram, and the SVG and PNG exports.
 */
describe.runIf(run)('diagram tools in the browser', () => {
  const ctx = servedSample();
  let page: Page;
  let diagram: DiagramSummary;

  beforeAll(async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await openCase(page, ctx.served.url);
    diagram = (await api<DiagramSummary[]>('diagrams.list', {}))[0]!;
    await page.evaluate((id) => (location.hash = `#/diagrams/${id}`), diagram!.id);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  }, 180_000);
  const api = <T>(method: string, input: unknown) => callApi<T>(ctx.served, method, input);
  const view = () => api<DiagramView>('diagrams.get', { id: diagram.id });
  const positions = (v: DiagramView) => v.nodes.map((n) => [n.id, n.x, n.y]);

  it('lays the diagram out with ELK in a worker, as one command that undo takes back', async () => {
    const before = await view();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('button', { name: 'Lay out', exact: true }).click();
    await expect.poll(async () => (await view()).history.undo).toBe('Auto-layout');
    expect(workers.some((u) => /elk\.worker/.test(u))).toBe(true);
    const after = await view();
    expect(positions(after)).not.toEqual(positions(before));
    // Layered left to right: every shipper stands left of its consignee (the sample's pairs trade both ways,
    // so at least one edge of each pair does).
    const x = new Map(after.nodes.map((n) => [n.id, n.x]));
    const shipments = after.edges.filter((e) => e.kind === 'shipment');
    expect(shipments.some((e) => x.get(e.source)! < x.get(e.target)!)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => positions(await view())).toEqual(positions(before));
  });

  it('shows the shipments on a timeline; brushing a range filters the diagram’s edges to it', async () => {
    await page.getByRole('button', { name: 'Timeline' }).click();
    const plot = page.getByTestId('timeline-plot');
    await plot.waitFor();
    const lanes = await api<{ lanes: unknown[] }>('diagrams.timeline', { id: diagram.id });
    expect(await page.locator('.shipment-timeline-lane-label').count()).toBe(lanes.lanes.length);
    const box = (await plot.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.25, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 6 });
    await page.mouse.up();
    await page.screenshot({ path: screenshotPath('debug-timeline') });
    await expect.poll(async () => (await view()).filters.dateFrom, { timeout: 5000 }).not.toBeNull();
    const filtered = await view();
    expect(filtered.filters.dateFrom! < filtered.filters.dateTo!).toBe(true);
    expect(await page.getByLabel('Timeline from').inputValue()).toBe(filtered.filters.dateFrom);
    await page.screenshot({ path: screenshotPath('diagram-timeline-brushed') });
    // Clearing the range brings every record back.
    await page.getByRole('button', { name: 'All dates' }).click();
    await expect.poll(async () => (await view()).filters.dateFrom).toBeNull();
  });

  it('colours a shipment edge with CHPL goods by its most urgent tier; its label and the inspector name the tier', async () => {
    const v = await view();
    const drawn = v.edges.filter((e) => e.kind === 'shipment' && !e.missing && !e.filteredOut);
    const listed = drawn.find((e) => e.chplTier)!;
    const plain = drawn.find((e) => !e.chplTier)!;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const stroke = (id: number) =>
      page.locator(`path.react-flow__edge-path[id="${id}"]`).evaluate((el) => getComputedStyle(el).stroke);
    expect(await stroke(listed.id)).toBe(rgb(chplTierColour(listed.chplTier)!.line));
    expect(await stroke(plain.id)).not.toBe(await stroke(listed.id));
    const label = page.locator(`.edge-label[data-edge-id="${listed.id}"]`);
    expect(await label.locator('.chpl-chip').textContent()).toBe(`CHPL ${listed.chplTier}`);
    expect(await page.locator(`.edge-label[data-edge-id="${plain.id}"] .chpl-chip`).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('diagram-chpl-colours') });
    await label.click();
    const inspector = page.getByRole('complementary', { name: 'Selected edge' });
    expect(await inspector.getByTestId('edge-chpl-tier').textContent()).toContain(`tier ${listed.chplTier}, the most`);
    await page.screenshot({ path: screenshotPath('diagram-chpl-inspector') });
    await page.keyboard.press('Escape');
  });

  it('exports the stored diagram as SVG (the shared drawing) and the canvas as PNG', async () => {
    await page.locator('.export-tools > summary').click();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe(`${diagram.name.replace(/[\\/:*?"<>|]+/g, '_')}.svg`);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toBe(diagramToSvg(await view()));
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.documentElement.nodeName).toBe('svg');

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'PNG' }).click(),
    ]);
    const pngPath = screenshotPath('diagram-export');
    await pngDownload.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(w).toBeGreaterThan(300);
    expect(h).toBeGreaterThan(100);
  });
});
