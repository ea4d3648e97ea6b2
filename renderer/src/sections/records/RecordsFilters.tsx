import { useEffect, useState } from 'react';
import { RECORD_FLAGS, type ImportInfo } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { ALL_COLUMNS } from './columns';
import type { RecordQuery } from './useRecordPages';

interface Props {
  filter: RecordQuery;
  onFilter(f: RecordQuery): void;
  visible: string[];
  onVisible(keys: string[]): void;
}

/** Filters beyond the search box (import, flag, dates, HS prefix, country, value) and the column chooser. */
export function RecordsFilters({ filter, onFilter, visible, onVisible }: Props) {
  const revision = useApp((s) => s.revision);
  const [imports, setImports] = useState<ImportInfo[]>([]);
  const [chooser, setChooser] = useState(false);
  useEffect(() => {
    void client.call('imports.list', {}).then((r) => r.ok && setImports(r.value));
  }, [revision]);
  const set = (patch: Partial<RecordQuery>) => {
    const next: RecordQuery = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof RecordQuery)[]) if (next[k] === '' || next[k] === undefined) delete next[k];
    onFilter(next);
  };
  const text = (k: 'dateFrom' | 'dateTo' | 'hsPrefix' | 'country', label: string, placeholder: string) => (
    <label>
      {label}
      <input type="text" aria-label={label} placeholder={placeholder} value={filter[k] ?? ''} onChange={(e) => set({ [k]: e.target.value })} />
    </label>
  );
  return (
    <div className="records-filters" role="group" aria-label="Record filters">
      <label>
        Import
        <select aria-label="Import" value={filter.importId ?? ''} onChange={(e) => set({ importId: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">all</option>
          {imports.map((i) => <option key={i.id} value={i.id}>#{i.id} {i.fileName}</option>)}
        </select>
      </label>
      <label>
        Flag
        <select aria-label="Flag" value={filter.flag ?? ''} onChange={(e) => set({ flag: e.target.value })}>
          <option value="">any</option>
          {RECORD_FLAGS.map((f) => <option key={f} value={f}>{f.replace(/_/g, ' ')}</option>)}
        </select>
      </label>
      {text('dateFrom', 'From', 'yyyy-mm-dd')}
      {text('dateTo', 'To', 'yyyy-mm-dd')}
      {text('hsPrefix', 'HS', '8807')}
      {text('country', 'Country', 'CN')}
      <label>
        Min USD
        <input type="text" aria-label="Min USD" value={filter.valueMin ?? ''} onChange={(e) => set({ valueMin: e.target.value === '' || Number.isNaN(Number(e.target.value)) ? undefined : Number(e.target.value) })} />
      </label>
      <span className="spacer" />
      <div className="column-chooser">
        <button onClick={() => setChooser(!chooser)} aria-expanded={chooser}>Columns…</button>
        {chooser && (
          <div className="menu" role="group" aria-label="Columns">
            {ALL_COLUMNS.map((c) => (
              <label key={c.key}>
                <input
                  type="checkbox"
                  checked={visible.includes(c.key)}
                  onChange={(e) => onVisible(e.target.checked ? ALL_COLUMNS.filter((x) => x.key === c.key || visible.includes(x.key)).map((x) => x.key) : visible.filter((k) => k !== c.key))}
                />
                {c.label}
              </label>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
