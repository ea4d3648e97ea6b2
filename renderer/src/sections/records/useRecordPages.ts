import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { client } from '../../api/client';

const PAGE = 200;

export interface RecordQuery {
  query?: string;
  flagged?: boolean;
}

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

  useEffect(() => {
    generation.current++;
    pages.current.clear();
    loading.current.clear();
    const gen = generation.current;
    void client.call('records.count', filter).then((r) => {
      if (r.ok && gen === generation.current) setTotal(r.value);
    });
  }, [filter.query, filter.flagged, revision]); // eslint-disable-line react-hooks/exhaustive-deps

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
    [filter.query, filter.flagged], // eslint-disable-line react-hooks/exhaustive-deps
  );

  return { total, rowAt };
}
