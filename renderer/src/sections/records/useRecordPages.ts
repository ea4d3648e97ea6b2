import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import type { RecordQuery } from './record-route';

const PAGE = 200;

/**
 * The records of ONE query (filters, search, sort) at one revision of the
 * case, fetched a page at a time as rows scroll into view, so a table of a
 * million records costs only what is on screen.
 *
 * Every query gets a new, empty RecordPages, and the table reads only the
 * current one: a reply that arrives for an older query lands in that older
 * object, which nothing shows any more. So the table can only ever show rows
 * of the query in its header, or "Loading…" — never rows of the query before,
 * which a single cache cleared "after" a change cannot promise (it is read
 * before it is cleared, and a change that keeps the count gives nothing to
 * redraw on).
 */
export class RecordPages {
  /** The number of records the query matches; null until counted. */
  total: number | null = null;
  error: string | null = null;
  private readonly pages = new Map<number, CustomsRecord[]>();
  private readonly requested = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private counting = false;

  constructor(readonly query: RecordQuery) {}

  /** The record at a position; undefined while its page is loading, null past the end. */
  rowAt(index: number): CustomsRecord | null | undefined {
    const page = this.pages.get(Math.floor(index / PAGE));
    if (!page) return undefined;
    return page[index % PAGE] ?? null;
  }

  /** Counts the query's records (once). */
  count(): void {
    if (this.counting) return;
    this.counting = true;
    const { sort: _sort, desc: _desc, ...filter } = this.query;
    void client.call('records.count', filter).then((r) => {
      if (r.ok) this.total = r.value;
      else this.error = r.error.message;
      this.changed();
    });
  }

  /** Asks for the pages that hold rows first…last (each page once). */
  want(first: number, last: number): void {
    for (let page = Math.floor(Math.max(0, first) / PAGE); page <= Math.floor(Math.max(0, last) / PAGE); page++) {
      if (this.requested.has(page)) continue;
      this.requested.add(page);
      void client.call('records.list', { ...this.query, limit: PAGE, offset: page * PAGE }).then((r) => {
        if (r.ok) this.pages.set(page, r.value);
        else this.error = r.error.message;
        this.changed();
      });
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/**
 * The pages of the current query; a new query or revision starts a new
 * RecordPages (see there why). `layoutTotal` is the count to size the table
 * by: the last known one while the new query is being counted, so the
 * scrollbar does not jump on every letter typed; rows past what is known
 * show "Loading…".
 */
export function useRecordPages(query: RecordQuery, revision: number): { pages: RecordPages; layoutTotal: number } {
  const key = JSON.stringify(query);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query is keyed by its JSON, so an equal query made anew keeps its pages
  const pages = useMemo(() => new RecordPages(query), [key, revision]);
  useSyncExternalStore(pages.subscribe, pages.snapshot);
  useEffect(() => {
    pages.count();
    pages.want(0, PAGE - 1);
  }, [pages]);
  const lastTotal = useRef(0);
  if (pages.total !== null) lastTotal.current = pages.total;
  return { pages, layoutTotal: pages.total ?? lastTotal.current };
}
