import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagramView } from '../../shared/domain/diagrams';
import { browserOrSkip, callApi, openCase, screenshotPath, servedSample } from './harness';

const run = browserOrSkip();
const NOTES = 160; // a big diagram: render-detail.tsx's FULL_DETAIL_BELOW nodes or more
const FREE_EDGES = 120;

/**
 * A big diagram far out draws its edges as one picture (edge-overview.tsx):
 * every edge is in it, none is a React Flow edge until it is found or the
 * view zooms in, when they come back labelled and clickable.
 */
describe.runIf(run)('a big diagram far out', () => {
  const ctx = servedSample();
  let page: Page;
  let view: DiagramView;

  beforeAll(async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openCase(page, ctx.served.url);
    const api = <T>(method: string, input: unknown) => callApi<T>(ctx.served, method, input);
    const created = await api<DiagramView>('diagrams.create', { name: 'Big board' });
    const ops: unknown[] = Array.from({ length: NOTES }, (_, i) => ({
      op: 'addNode',
      tempId: -(i + 1),
      kind: 'note',
      text: `Note ${i + 1}`,
      x: (i % 20) * 260,
      y: Math.floor(i / 20) * 160,
    }));
    for (let k = 0; k < FREE_EDGES; k++)
      ops.push({ op: 'addEdge', kind: 'free', source: -(k + 1), target: -(((k * 7) % NOTES) + 2), label: `tie ${k}` });
    view = (await api<{ view: DiagramView }>('diagrams.apply', { id: created.id, ops })).view;
    await page.evaluate((d) => (location.hash = `#/diagrams/${d}`), view.id);
    await page.locator(`[data-diagram-id="${view.id}"] .react-flow__node`).first().waitFor({ timeout: 60_000 });
  }, 180_000);

  const overviewCurves = () =>
    page.locator('.edge-overview path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '').join(' '));

  it('opens fitted far out: every edge drawn in the overview (a curve each), no React Flow edge, handles hidden', async () => {
    expect(view.edges).toHaveLength(FREE_EDGES);
    await expect.poll(async () => (await overviewCurves()).match(/Q/g)?.length ?? 0).toBe(FREE_EDGES);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    expect(await page.locator('.edge-label').count()).toBe(0);
    expect(await page.locator('.diagram-canvas').getAttribute('data-far')).toBe('');
    const handle = page.locator('.react-flow__node .react-flow__handle').first();
    expect(await handle.evaluate((h) => getComputedStyle(h).visibility)).toBe('hidden');
    await page.screenshot({ path: screenshotPath('diagram-overview-far') });
  });

  it('an edge found with Find (tie 107) becomes a React Flow edge with its label, and leaves the overview', async () => {
    await page.getByRole('searchbox', { name: /find/i }).fill('tie 107');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.edge-label', { hasText: 'tie 107' }).count()).toBe(1);
    const found = await page.locator('.react-flow__edge').count();
    expect((await overviewCurves()).match(/Q/g)?.length).toBe(FREE_EDGES - found);
    await page.getByRole('searchbox', { name: /find/i }).fill('');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(0);
  });

  it('zoomed in, the edges are React Flow edges again (labelled) and the overview is gone', async () => {
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 4, pane.y + pane.height / 3);
    for (let i = 0; i < 12 && (await page.locator('.diagram-canvas[data-far]').count()) > 0; i++) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(150);
    }
    await expect.poll(() => page.locator('.edge-overview').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.edge-label').count()).toBeGreaterThan(0);
    const handle = page.locator('.react-flow__node .react-flow__handle').first();
    expect(await handle.evaluate((h) => getComputedStyle(h).visibility)).toBe('visible');
    await page.screenshot({ path: screenshotPath('diagram-overview-near') });
  });
});
