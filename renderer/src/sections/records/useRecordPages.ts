import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordFilterInput } from '../../../../shared/api/records';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import type { Column } from './columns';

const PAGE = 200;

export type RecordQuery = RecordFilterInput & { sort?: Column['sort']; desc?: boolean };

/**
 * Fetches records a page at a time as rows scroll into view, so a table of
 * a million records costs only what is on screen.
 */
export function useRecordPages(filter: RecordQuery, revision: number) {
  const [total, setTotal] = useState(0);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, CustomsRecord[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    generation.current++;
    pages.current.clear();
    loading.current.clear();
    const gen = generation.current;
    const { sort: _s, desc: _d, ...countFilter } = filter;
    void client.call('records.count', countFilter).then((r) => {
      if (r.ok && gen === generation.current) setTotal(r.value);
    });
  }, [key, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const rowAt = useCallback(
    (index: number): CustomsRecord | undefined => {
      const page = Math.floor(index / PAGE);
      const rows = pages.current.get(page);
      if (rows) return rows[index - page * PAGE];
      if (!loading.current.has(page)) {
        loading.current.add(page);
        const gen = generation.current;
        void client.call('records.list', { ...filter, limit: PAGE, offset: page * PAGE }).then((r) => {
          if (gen !== generation.current) return;
          if (r.ok) pages.current.set(page, r.value);
          loading.current.delete(page);
          setTick((t) => t + 1);
        });
      }
      return undefined;
    },
    [key], // eslint-disable-line react-hooks/exhaustive-deps
  );

  return { total, rowAt };
}
