import type { Page } from 'playwright-core';
import { callApi, type Served } from './harness';

/** A records.list answer, as much of it as the grid's checks need. */
export interface Listed {
  id: number;
}

/** A row the grid has drawn: its position, and its record's id (null while it says "Loading…"). */
export interface DrawnRow {
  index: number;
  id: number | null;
  text: string;
}

export async function drawnRows(page: Page): Promise<DrawnRow[]> {
  const rows = await page.locator('.records-row').evaluateAll((els) =>
    els.map((e) => ({
      index: Number((e as HTMLElement).dataset.index),
      id: (e as HTMLElement).dataset.recordId ? Number((e as HTMLElement).dataset.recordId) : null,
      text: e.textContent ?? '',
    })),
  );
  return rows.sort((a, b) => a.index - b.index);
}

/** The count the toolbar shows ("1,234 records"), or null while it counts. */
export async function shownCount(page: Page): Promise<number | null> {
  const text = (await page.locator('.records-section .toolbar [aria-live]').textContent()) ?? '';
  return /records/.test(text) ? Number(text.replace(/\D/g, '')) : null;
}

/**
 * Waits (up to `within` ms) until the grid shows exactly the rows the
 * contract returns for `query`: the same count, and at every drawn position
 * the same record. Returns what differs at the end, or null when all agree.
 */
export async function gridAgreesWith(
  page: Page,
  served: Served,
  query: Record<string, unknown>,
  within = 2000,
): Promise<string | null> {
  const total = await callApi<number>(served, 'records.count', withoutOrder(query));
  const deadline = Date.now() + within;
  let expected: Listed[] = [];
  let problem: string | null = 'not checked';
  while (Date.now() < deadline || problem === 'not checked') {
    problem = null;
    const count = await shownCount(page);
    if (count !== total) problem = `the toolbar says ${count ?? 'Counting…'}, the contract counts ${total}`;
    const rows = await drawnRows(page);
    const last = rows.length ? rows[rows.length - 1]!.index : -1;
    if (!problem && total > 0 && rows.length === 0) problem = 'no row is drawn';
    if (!problem && total === 0 && rows.length > 0) problem = `${rows.length} rows drawn for an empty result`;
    if (!problem && last >= expected.length && expected.length < total) {
      expected = await callApi<Listed[]>(served, 'records.list', {
        ...query,
        limit: Math.max(last + 1, 100),
        offset: 0,
      });
    }
    for (const row of problem ? [] : rows) {
      if (row.id === null) {
        problem = `row ${row.index} still says "${row.text}"`;
        break;
      }
      if (row.index >= total || expected[row.index]?.id !== row.id) {
        problem = `row ${row.index} shows record ${row.id}; the contract has ${expected[row.index]?.id ?? 'no row'} there`;
        break;
      }
    }
    if (!problem) return null;
    await page.waitForTimeout(50);
  }
  return problem;
}

const withoutOrder = ({ sort: _s, desc: _d, ...filter }: Record<string, unknown>) => filter;

/** A small seeded PRNG (mulberry32), so that a failing sequence can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
