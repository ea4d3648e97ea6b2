import { useDeferredValue, useMemo, useState } from 'react';
import { useApp } from '../../state/store';
import { ImportButton } from './ImportButton';
import { RecordDetail } from './RecordDetail';
import { RecordsTable } from './RecordsTable';
import { useRecordPages } from './useRecordPages';

export function RecordsSection() {
  const revision = useApp((s) => s.revision);
  const [text, setText] = useState('');
  const [flagged, setFlagged] = useState(false);
  const query = useDeferredValue(text.trim());
  const filter = useMemo(() => ({ query: query || undefined, flagged: flagged || undefined }), [query, flagged]);
  const { total, rowAt } = useRecordPages(filter, revision);
  const [selected, setSelected] = useState<number | null>(null);
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
        <ImportButton />
      </header>
      <div className="records-body">
        {total === 0 && !query && !flagged ? (
          <div className="empty-section">
            <p>No records yet. Import a customs file (CSV, XLSX or JSON lines) to begin.</p>
          </div>
        ) : (
          <RecordsTable total={total} rowAt={rowAt} selectedId={selected} onSelect={setSelected} />
        )}
        {selected !== null && <RecordDetail id={selected} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
