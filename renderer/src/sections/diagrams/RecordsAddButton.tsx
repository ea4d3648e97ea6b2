import { useState } from 'react';
import { client } from '../../api/client';
import { askChoice } from './AskChoice';
import { addRecordsToDiagram } from './AddToDiagram';
import type { RecordQuery } from '../records/record-route';

/** The most records of a filter added at once (their parties, not the rows, become nodes). */
const MAX_RECORDS = 10_000;

/**
 * Records → "Add to diagram": the rows checked in the grid, or (none checked)
 * the open record or every record of the current filter; their parties
 * become nodes with the shipments between them.
 */
export function RecordsAddButton({
  query,
  openId,
  total,
  selected,
}: {
  query: RecordQuery;
  openId: number | null;
  total: number | null;
  /** Rows checked in the grid, or every record of the filter. */
  selected: { ids: number[]; all: boolean };
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setError(null);
    const filtered =
      total === null ? 'the records of this filter' : `the ${total.toLocaleString()} records of this filter`;
    if (selected.ids.length > 0) {
      const n = selected.ids.length;
      return setError(await addRecordsToDiagram(selected.ids, `${n} selected record${n === 1 ? '' : 's'}`));
    }
    const which =
      openId === null || selected.all
        ? 'filter'
        : await askChoice('Add to diagram', [
            { value: 'record', label: `The open record (#${openId})` },
            {
              value: 'filter',
              label:
                total !== null && total > MAX_RECORDS
                  ? `The first ${MAX_RECORDS.toLocaleString()} of ${filtered}`
                  : `All ${filtered}`,
            },
          ]);
    if (!which) return;
    let ids: number[];
    if (which === 'record') ids = [openId!];
    else {
      setBusy(true);
      const { sort: _sort, desc: _desc, ...filter } = query;
      const r = await client.call('records.list', { ...filter, limit: MAX_RECORDS });
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      ids = r.value.map((rec) => rec.id);
    }
    if (ids.length === 0) return setError('No record to add.');
    setError(await addRecordsToDiagram(ids, query.query ? `Records: ${query.query}` : 'Records'));
  };
  return (
    <>
      <button onClick={() => void run()} disabled={busy || total === 0}>
        {busy ? 'Reading records…' : 'Add to diagram'}
      </button>
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
