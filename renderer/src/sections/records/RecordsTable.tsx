import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomsRecord } from '../../../../shared/domain/records';
import type { EntityHitSummary } from '../../../../shared/domain/screening';
import { SanctionsBadge, useRecordPartyHits } from '../../components/SanctionsBadge';
import { FLAGS_WIDTH, tableWidth, type Column } from './columns';
import type { SortKey } from './record-route';
import type { RecordPages } from './useRecordPages';
import type { RowSelection } from './useRowSelection';

const ROW_HEIGHT = 30;
/** The checkbox column, before the first (both stay at the left edge). */
const CHECK_WIDTH = 30;

interface Props {
  pages: RecordPages;
  /** How many rows to lay out (see useRecordPages' layoutTotal). */
  total: number;
  columns: Column[];
  sort: { key: SortKey; desc: boolean } | undefined;
  /** Clicking a sortable header sorts by it; clicking again reverses. */
  onSort(key: SortKey): void;
  /** The record whose detail is open beside the table. */
  openId: number | null;
  /** Opens a record's detail; `replace` when it only moves an open detail to another row. */
  onOpen(id: number, how: { replace: boolean }): void;
  /** Rows checked for Add to diagram and link evidence (a checkbox leads the first column). */
  selection: RowSelection;
}

/**
 * An ARIA grid of the records of one query, virtualized (only the rows on
 * screen exist in the DOM). ↑/↓, Page Up/Down, Home/End move the active row;
 * Enter opens its detail, and while the detail is open it follows the active
 * row (Esc, handled by the section, closes it). The header stays on top and
 * the first column at the left while the grid scrolls both ways.
 */
export function RecordsTable({ pages, total, columns, sort, onSort, openId, onOpen, selection }: Props) {
  const width = tableWidth(columns) + CHECK_WIDTH;
  const scroller = useRef<HTMLDivElement>(null);
  // The active row belongs to the query it was chosen in: a new query starts with none.
  const [active, setActive] = useState<{ pages: RecordPages; index: number } | null>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  // Until a row is chosen in this query, the keys start from the record whose detail is open (a reload, a link).
  const activeIndex =
    active?.pages === pages
      ? active.index
      : (items.find((i) => openId !== null && pages.rowAt(i.index)?.id === openId)?.index ?? -1);
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) pages.want(first, last);
  }, [pages, first, last, total]);
  const partyHits = useRecordPartyHits(recordsAround(pages, first, total));

  // A new query (not a new revision of the same one) shows its first rows.
  const queryKey = JSON.stringify(pages.query);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Set by a key that moved the active row while a detail is open: the detail follows once the row has loaded.
  const follow = useRef(false);
  const activeRecord = activeIndex >= 0 ? pages.rowAt(activeIndex) : undefined;
  useEffect(() => {
    if (!follow.current || !activeRecord) return;
    follow.current = false;
    if (activeRecord.id !== openId) onOpen(activeRecord.id, { replace: true });
  });

  function moveTo(index: number) {
    const to = Math.max(0, Math.min(total - 1, index));
    setActive({ pages, index: to });
    virtualizer.scrollToIndex(to, { align: 'auto' });
    follow.current = openId !== null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (total === 0) return;
    const screenful = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
    if (e.key === 'ArrowDown') moveTo(activeIndex + 1);
    else if (e.key === 'ArrowUp') moveTo(activeIndex - 1);
    else if (e.key === 'PageDown') moveTo(activeIndex + screenful);
    else if (e.key === 'PageUp') moveTo(activeIndex - screenful);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(total - 1);
    else if (e.key === 'Enter' && e.target === e.currentTarget) {
      const record = activeIndex >= 0 ? pages.rowAt(activeIndex) : null;
      if (record) onOpen(record.id, { replace: false });
    } else return;
    e.preventDefault();
  }

  const busy =
    pages.total === null || items.some((i) => i.index < (pages.total ?? total) && pages.rowAt(i.index) === undefined);
  return (
    <div
      className="records-scroller"
      ref={scroller}
      role="grid"
      tabIndex={0}
      aria-label="Customs records"
      aria-rowcount={(pages.total ?? total) + 1}
      aria-colcount={columns.length + 2}
      aria-busy={busy}
      aria-activedescendant={
        activeIndex >= 0 && items.some((i) => i.index === activeIndex) ? rowId(activeIndex) : undefined
      }
      onKeyDown={onKeyDown}
    >
      <div className="records-header" role="row" aria-rowindex={1} style={{ width }}>
        <div role="columnheader" className="cell check-col" style={{ width: CHECK_WIDTH }}>
          <input
            type="checkbox"
            aria-label="Select every record matching the filter"
            title="Select every record matching the filter"
            checked={selection.all}
            onChange={(e) => selection.setAll(e.target.checked)}
          />
        </div>
        {columns.map((c, i) => {
          const sorted = sort && sort.key === c.sort ? sort : undefined;
          return (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sorted ? (sorted.desc ? 'descending' : 'ascending') : undefined}
              className={cellClass(c, i)}
              style={cellStyle(c, i)}
            >
              {c.sort ? (
                <button
                  className="sort"
                  // A click sorts without moving focus to the header, which would scroll a half-hidden column into view; the grid keeps the keys.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    scroller.current?.focus({ preventScroll: true });
                  }}
                  onClick={() => onSort(c.sort!)}
                  title={sorted && !sorted.desc ? 'Sort descending' : 'Sort ascending'}
                >
                  {c.label}
                  {sorted ? (sorted.desc ? ' ▼' : ' ▲') : ''}
                </button>
              ) : (
                c.label
              )}
            </div>
          );
        })}
        <div role="columnheader" className="cell flags-col" style={{ width: FLAGS_WIDTH }}>
          Flags
        </div>
      </div>
      {pages.error ? (
        <p className="error pad" role="alert">
          {pages.error}
        </p>
      ) : pages.total === 0 ? (
        <p className="muted pad">No record matches these filters.</p>
      ) : (
        <div
          style={{ height: virtualizer.getTotalSize(), width, minWidth: '100%', position: 'relative' }}
          role="rowgroup"
        >
          {items.map((item) => {
            const record = pages.rowAt(item.index);
            if (record === null) return null;
            return (
              <RecordRow
                key={item.key}
                index={item.index}
                top={item.start}
                record={record}
                active={item.index === activeIndex}
                open={record !== undefined && record.id === openId}
                onClick={(r) => {
                  setActive({ pages, index: item.index });
                  onOpen(r.id, { replace: openId !== null });
                }}
                columns={columns}
                checked={record !== undefined && selection.has(record.id)}
                onCheck={selection.toggle}
                parties={record ? partyHits.get(record.id) : undefined}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

const rowId = (index: number) => `records-row-${index}`;

/** Columns whose cell names a party that may carry a sanctions badge. */
const PARTY_COLUMNS = new Set(['shipper', 'consignee', 'notify', 'producer']);
/** Badges are asked for in blocks of rows, so that scrolling a few rows asks nothing new. */
const BADGE_BLOCK = 100;

/** The ids of the loaded records in the block of rows around the first one shown (and the block after it). */
function recordsAround(pages: RecordPages, first: number, total: number): number[] {
  const from = Math.floor(first / BADGE_BLOCK) * BADGE_BLOCK;
  const ids: number[] = [];
  for (let i = from; i < Math.min(total, from + 2 * BADGE_BLOCK); i++) {
    const r = pages.rowAt(i);
    if (r) ids.push(r.id);
  }
  return ids;
}

/** The first column stays at the left edge while the grid scrolls sideways. */
const cellClass = (c: Column, i: number) => `cell${c.align === 'right' ? ' right' : ''}${i === 0 ? ' sticky-col' : ''}`;
/** The first column stays just right of the checkbox column. */
const cellStyle = (c: Column, i: number) => (i === 0 ? { width: c.width, left: CHECK_WIDTH } : { width: c.width });

const RecordRow = memo(function RecordRow(props: {
  index: number;
  top: number;
  record: CustomsRecord | undefined;
  active: boolean;
  open: boolean;
  onClick(record: CustomsRecord): void;
  columns: Column[];
  checked: boolean;
  onCheck(index: number, id: number, shift: boolean): void;
  /** The record's parties with sanctions hits, by role. */
  parties: Readonly<Record<string, EntityHitSummary>> | undefined;
}) {
  const { record, top, active, open, onClick, index, columns, checked, onCheck, parties } = props;
  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={active || open}
      data-index={index}
      data-record-id={record?.id}
      className={`records-row${open ? ' selected' : ''}${active ? ' active' : ''}${checked ? ' checked' : ''}${index % 2 ? ' odd' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => record && onClick(record)}
    >
      {record ? (
        <>
          <div role="gridcell" className="cell check-col" style={{ width: CHECK_WIDTH }}>
            <input
              type="checkbox"
              className="row-check"
              aria-label={`Select record ${record.id}`}
              checked={checked}
              onChange={() => undefined}
              // A click checks the row (shift: every row from the last one checked) without opening it.
              onClick={(e) => {
                e.stopPropagation();
                onCheck(index, record.id, e.shiftKey);
              }}
            />
          </div>
          {columns.map((c, i) => {
            const v = c.value(record);
            // The badge goes first: a long name is cut at the cell's end, the badge must stay seen.
            const hits = PARTY_COLUMNS.has(c.key) ? parties?.[c.key] : undefined;
            return (
              <div key={c.key} role="gridcell" className={cellClass(c, i)} style={cellStyle(c, i)} title={v}>
                {hits && <SanctionsBadge summary={hits} compact />}
                {v}
              </div>
            );
          })}
          <div role="gridcell" className="cell flags-col" style={{ width: FLAGS_WIDTH }}>
            {record.flags.map((f) => (
              <span key={f} className="flag">
                {f.replace(/_/g, ' ')}
              </span>
            ))}
          </div>
        </>
      ) : (
        <div role="gridcell" className="cell muted sticky-col">
          Loading…
        </div>
      )}
    </div>
  );
});
