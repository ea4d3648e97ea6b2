import { useMemo, useState } from 'react';
import { setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { RecordsAddButton } from '../diagrams/RecordsAddButton';
import { RecordsLinkButton } from '../diagrams/RecordsLinkButton';
import { ExportRecordsButton } from './ExportRecordsButton';
import { ImportButton } from './ImportButton';
import { RecordDetail } from './RecordDetail';
import { RecordsFilters } from './RecordsFilters';
import { RecordsTable } from './RecordsTable';
import { ALL_COLUMNS, DEFAULT_COLUMNS } from './columns';
import { nextSort, openRecordOf, queryOfParams } from './record-route';
import { useRecordPages } from './useRecordPages';
import { CiteRecordsButton } from '../briefs/CiteRecordsButton';
import { useRowSelection } from './useRowSelection';
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

/** Parameters that only open a record or order the rows; any other one narrows the list. */
const NOT_FILTERS = new Set(['record', 'sort', 'desc']);

/**
 * The imported customs records. The search text, filters, sort and the open
 * record live in the URL (`#/records?q=…&hs=8807&sort=valueUsd&desc=1&record=1234`),
 * so Back, Forward and reload keep them, and so does a visit to another section.
 */
export function RecordsSection() {
  const revision = useApp((s) => s.revision);
  const params = useRoute((s) => s.route.params);
  const query = useMemo(() => queryOfParams(params), [params]);
  const { pages, layoutTotal } = useRecordPages(query, revision);
  const openId = openRecordOf(params);
  const [visible, setVisible] = useState<string[]>(savedColumns);
  const columns = ALL_COLUMNS.filter((c) => visible.includes(c.key));
  const chooseColumns = (keys: string[]) => {
    setVisible(keys);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(keys));
  };
  const filtering = Object.keys(params).some((k) => !NOT_FILTERS.has(k));
  const closeDetail = () => setParams({ record: undefined }, { push: true });
  const selection = useRowSelection(pages);
  const checked = selection.all ? pages.total : selection.ids.length;
  return (
    <section className="records-section">
      <header className="toolbar">
        <h2>Records</h2>
        <input
          type="search"
          placeholder="Search parties and descriptions…"
          value={params.q ?? ''}
          onChange={(e) => setParams({ q: e.target.value })}
          aria-label="Search records"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={params.flagged === '1'}
            onChange={(e) => setParams({ flagged: e.target.checked ? '1' : undefined })}
          />{' '}
          Flagged only
        </label>
        <span className="muted small" aria-live="polite">
          {pages.total === null ? 'Counting…' : `${pages.total.toLocaleString()} records`}
        </span>
        {(checked ?? 0) > 0 && (
          <span className="small" aria-live="polite">
            {selection.all ? `All ${checked!.toLocaleString()}` : checked!.toLocaleString()} selected{' '}
            <button className="link" onClick={selection.clear}>
              Clear
            </button>
          </span>
        )}
        {selection.error && (
          <span className="error small" role="alert">
            {selection.error}
          </span>
        )}
        <span className="spacer" />
        <RecordsAddButton query={query} openId={openId} total={pages.total} selected={selection} />
        {selection.ids.length > 0 && <RecordsLinkButton recordIds={selection.ids} />}
        <ExportRecordsButton query={query} total={pages.total} />
        <CiteRecordsButton query={query} openId={openId} total={pages.total} />
        <ImportButton
          onShowFlagged={(importId) => setParams({ import: String(importId), flagged: '1' }, { push: true })}
        />
      </header>
      <RecordsFilters params={params} visible={visible} onVisible={chooseColumns} />
      <div
        className="records-body"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && openId !== null) {
            e.preventDefault();
            closeDetail();
          }
        }}
      >
        {pages.total === 0 && !filtering ? (
          <div className="empty-section">
            <p>
              {!filtering
                ? 'No records yet. Import a customs file (CSV, XLSX or JSON lines) to begin.'
                : params.q
                  ? `Nothing matches “${params.q}”.`
                  : 'Nothing matches these filters.'}
            </p>
          </div>
        ) : (
          <RecordsTable
            pages={pages}
            total={layoutTotal}
            columns={columns}
            sort={query.sort ? { key: query.sort, desc: query.desc === true } : undefined}
            onSort={(key) => setParams(nextSort(params, key))}
            openId={openId}
            onOpen={(id, how) => setParams({ record: String(id) }, { push: !how.replace })}
            selection={selection}
          />
        )}
        {openId !== null && <RecordDetail id={openId} onClose={closeDetail} />}
      </div>
    </section>
  );
}
