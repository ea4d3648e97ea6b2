import { useEffect, useState } from 'react';
import type { DiagramFilters } from '../../../../shared/domain/diagrams';

const chapters = (text: string) => [...new Set(text.match(/\d{2}/g) ?? [])].sort();

/**
 * The diagram's filters: shipment edges count only records in the date range
 * and HS chapters given (they re-aggregate in the core). Setting them is an
 * edit of the diagram, so it is undone like any other.
 */
export function FiltersControl({ filters, onSet }: { filters: DiagramFilters; onSet(f: DiagramFilters): void }) {
  const [from, setFrom] = useState(filters.dateFrom ?? '');
  const [to, setTo] = useState(filters.dateTo ?? '');
  const [hs, setHs] = useState(filters.hsChapters.join(', '));
  useEffect(() => {
    setFrom(filters.dateFrom ?? '');
    setTo(filters.dateTo ?? '');
    setHs(filters.hsChapters.join(', '));
  }, [filters]);
  const active = filters.dateFrom !== null || filters.dateTo !== null || filters.hsChapters.length > 0;
  return (
    <details className="toolbar-popover">
      <summary className={active ? 'active' : ''}>{active ? 'Filtered' : 'Filter'}</summary>
      <form
        className="popover-body"
        onSubmit={(e) => {
          e.preventDefault();
          onSet({ dateFrom: from || null, dateTo: to || null, hsChapters: chapters(hs) });
        }}
      >
        <label className="field">
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="field">
          HS chapters
          <input value={hs} onChange={(e) => setHs(e.target.value)} placeholder="e.g. 88, 84" />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            Apply
          </button>
          {active && (
            <button type="button" onClick={() => onSet({ dateFrom: null, dateTo: null, hsChapters: [] })}>
              Clear
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
