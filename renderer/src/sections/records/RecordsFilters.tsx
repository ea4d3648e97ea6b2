import { useEffect, useState } from 'react';
import { RECORD_FLAGS, type ImportInfo } from '../../../../shared/domain/records';
import { CHPL_TIERS } from '../../../../shared/goods/hs-codes';
import { client } from '../../api/client';
import { setParams } from '../../router';
import { useApp } from '../../state/store';
import { ALL_COLUMNS } from './columns';
import { EntityChips } from './EntityChips';
import { FilterChips } from './FilterChips';
import './records.css';

interface Props {
  /** The Records section's URL parameters, which hold the filters. */
  params: Readonly<Record<string, string>>;
  visible: string[];
  onVisible(keys: string[]): void;
}

/**
 * Filters beyond the search box (the entity, as chips; import, flag, dates, CHPL tier,
 * HS prefix, country, value) and the column chooser. Each field's hint is an example ("e.g.
 * 8807"), shown muted and in italics, so an empty field never looks like a
 * filter in force.
 */
export function RecordsFilters({ params, visible, onVisible }: Props) {
  const revision = useApp((s) => s.revision);
  const [imports, setImports] = useState<ImportInfo[]>([]);
  const [chooser, setChooser] = useState(false);
  useEffect(() => {
    void client.call('imports.list', {}).then((r) => r.ok && setImports(r.value));
  }, [revision]);
  const text = (param: string, label: string, hint: string, width?: 'short' | 'date') => (
    <label>
      {label}
      <input
        type="text"
        className={width}
        aria-label={label}
        placeholder={hint}
        value={params[param] ?? ''}
        onChange={(e) => setParams({ [param]: e.target.value })}
      />
    </label>
  );
  return (
    <div className="records-filters" role="group" aria-label="Record filters">
      <EntityChips params={params} />
      <FilterChips params={params} />
      <label>
        Import
        <select aria-label="Import" value={params.import ?? ''} onChange={(e) => setParams({ import: e.target.value })}>
          <option value="">all</option>
          {imports.map((i) => (
            <option key={i.id} value={i.id}>
              #{i.id} {i.fileName}
            </option>
          ))}
        </select>
      </label>
      <label>
        Flag
        <select aria-label="Flag" value={params.flag ?? ''} onChange={(e) => setParams({ flag: e.target.value })}>
          <option value="">any</option>
          {RECORD_FLAGS.map((f) => (
            <option key={f} value={f}>
              {f.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      {text('from', 'From', 'YYYY-MM-DD', 'date')}
      {text('to', 'To', 'YYYY-MM-DD', 'date')}
      {text('hs', 'HS', 'e.g. 8807', 'short')}
      <label>
        CHPL
        <select aria-label="CHPL tier" value={params.chpl ?? ''} onChange={(e) => setParams({ chpl: e.target.value })}>
          <option value="">all goods</option>
          <option value="any">any tier</option>
          {CHPL_TIERS.map((t) => (
            <option key={t} value={t}>
              tier {t}
            </option>
          ))}
        </select>
      </label>
      {text('country', 'Country', 'e.g. CN', 'short')}
      {text('min', 'Min USD', 'e.g. 10000')}
      <span className="spacer" />
      <div className="column-chooser">
        <button onClick={() => setChooser(!chooser)} aria-expanded={chooser}>
          Columns…
        </button>
        {chooser && (
          <div className="menu" role="group" aria-label="Columns">
            {ALL_COLUMNS.map((c) => (
              <label key={c.key}>
                <input
                  type="checkbox"
                  checked={visible.includes(c.key)}
                  onChange={(e) =>
                    onVisible(
                      e.target.checked
                        ? ALL_COLUMNS.filter((x) => x.key === c.key || visible.includes(x.key)).map((x) => x.key)
                        : visible.filter((k) => k !== c.key),
                    )
                  }
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
