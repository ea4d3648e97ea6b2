import { useCallback, useMemo, useState } from 'react';
import { client } from '../../api/client';
import type { RecordPages } from './useRecordPages';

/** The most rows a shift-click range takes (their ids are read in one call when not all are loaded). */
const MAX_RANGE = 10_000;

interface State {
  /** The query the selection was made in (JSON): another query starts with none. */
  queryKey: string;
  ids: ReadonlySet<number>;
  /** Every record matching the filter, loaded or not. */
  all: boolean;
  /** The row a shift-click range starts from. */
  anchor: number | null;
}

export interface RowSelection {
  /** Whether a record is selected (every one is, while "all matching" is on). */
  has(id: number): boolean;
  all: boolean;
  /** The records picked one by one or by range (empty while "all matching" is on). */
  ids: number[];
  /** Toggles a row; with shift, selects every row from the last one clicked to this one. */
  toggle(index: number, id: number, shift: boolean): void;
  setAll(on: boolean): void;
  clear(): void;
  error: string | null;
}

/**
 * The rows checked in the records grid, for "Add to diagram" and for a
 * link's evidence: rows clicked one by one, a shift-click range (read from
 * the case when its rows are not all loaded: the grid only holds what is on
 * screen), or every record matching the filter. It belongs to one query.
 */
export function useRowSelection(pages: RecordPages): RowSelection {
  const queryKey = JSON.stringify(pages.query);
  const [state, setState] = useState<State>({ queryKey, ids: new Set(), all: false, anchor: null });
  const [error, setError] = useState<string | null>(null);
  const current = useMemo(
    () => (state.queryKey === queryKey ? state : { queryKey, ids: new Set<number>(), all: false, anchor: null }),
    [state, queryKey],
  );

  const toggle = useCallback(
    (index: number, id: number, shift: boolean) => {
      setError(null);
      if (!shift || current.anchor === null || current.all) {
        const ids = new Set(current.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        setState({ queryKey, ids, all: false, anchor: index });
        return;
      }
      const [lo, hi] = [Math.min(current.anchor, index), Math.max(current.anchor, index)];
      if (hi - lo + 1 > MAX_RANGE) return setError(`A range holds at most ${MAX_RANGE.toLocaleString()} rows.`);
      const loaded = Array.from({ length: hi - lo + 1 }, (_, i) => pages.rowAt(lo + i)?.id);
      const add = (range: number[]) =>
        setState((s) => ({ queryKey, ids: new Set([...s.ids, ...range]), all: false, anchor: index }));
      if (loaded.every((x) => x !== undefined)) return add(loaded as number[]);
      void client.call('records.list', { ...pages.query, offset: lo, limit: hi - lo + 1 }).then((r) => {
        if (r.ok) add(r.value.map((rec) => rec.id));
        else setError(r.error.message);
      });
    },
    [current, pages, queryKey],
  );

  return useMemo(
    () => ({
      has: (id: number) => current.all || current.ids.has(id),
      all: current.all,
      ids: current.all ? [] : [...current.ids],
      toggle,
      setAll: (on: boolean) => setState({ queryKey, ids: new Set(), all: on, anchor: null }),
      clear: () => setState({ queryKey, ids: new Set(), all: false, anchor: null }),
      error,
    }),
    [current, toggle, queryKey, error],
  );
}
