import { useDeferredValue, useMemo, useState } from 'react';
import { useApp } from '../../state/store';
import { ImportButton } from './ImportButton';
import { RecordDetail } from './RecordDetail';
import { RecordsFilters } from './RecordsFilters';
import { RecordsTable } from './RecordsTable';
import { ALL_COLUMNS, DEFAULT_COLUMNS, type Column } from './columns';
import { useRecordPages, type RecordQuery } from './useRecordPages';
import '../import/import.css';

const COLUMNS_KEY = 'custodian.records.columns';

function savedColumns(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    return Array.isArray(v) && v.every((k) => typeof k === 'string') ? v : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

export function RecordsSection() {
  const revision = useApp((s) => s.revision);
  const [text, setText] = useState('');
  const [flagged, setFlagged] = useState(false);
  const [more, setMore] = useState<RecordQuery>({});
  const [sort, setSort] = useState<{ key: Column['sort']; desc: boolean } | undefined>();
  const [visible, setVisible] = useState<string[]>(savedColumns);
  const query = useDeferredValue(text.trim());
  const filter = useMemo(
    () => ({ ...more, query: query || undefined, flagged: flagged || undefined, ...(sort ? { sort: sort.key, desc: sort.desc } : {}) }),
    [query, flagged, more, sort],
  );
  const { total, rowAt } = useRecordPages(filter, revision);
  const [selected, setSelected] = useState<number | null>(null);
  const columns = ALL_COLUMNS.filter((c) => visible.includes(c.key));
  const chooseColumns = (keys: string[]) => {
    setVisible(keys);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(keys));
  };
  const filtering = Boolean(query || flagged || Object.keys(more).length);
  return (
    <section className="records-section">
      <header className="toolbar">
        <h2>Records</h2>
        <input
          type="search"
          placeholder="Search parties and descriptions…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Search records"
        />
        <label className="check">
          <input type="checkbox" checked={flagged} onChange={(e) => setFlagged(e.target.checked)} /> Flagged only
        </label>
        <span className="muted small" aria-live="polite">{total.toLocaleString()} records</span>
        <span className="spacer" />
        <ImportButton
          onShowFlagged={(importId) => {
            setMore({ importId });
            setFlagged(true);
          }}
        />
      </header>
      <RecordsFilters filter={more} onFilter={setMore} visible={visible} onVisible={chooseColumns} />
      <div className="records-body">
        {total === 0 ? (
          <div className="empty-section">
            <p>
              {!filtering
                ? 'No records yet. Import a customs file (CSV, XLSX or JSON lines) to begin.'
                : query
                  ? `Nothing matches “${query}”.`
                  : 'Nothing matches these filters.'}
            </p>
          </div>
        ) : (
          <RecordsTable
            total={total}
            rowAt={rowAt}
            selectedId={selected}
            onSelect={setSelected}
            columns={columns}
            sort={sort}
            onSort={(key) => setSort((s) => (s?.key === key ? { key, desc: !s.desc } : { key, desc: false }))}
          />
        )}
        {selected !== null && <RecordDetail id={selected} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
