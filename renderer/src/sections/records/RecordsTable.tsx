import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { COLUMNS, tableWidth, type Column } from './columns';

const ROW_HEIGHT = 30;

interface Props {
  total: number;
  rowAt(index: number): CustomsRecord | undefined;
  selectedId: number | null;
  onSelect(id: number): void;
  /** The columns to show (the column chooser's choice); the standard set by default. */
  columns?: Column[];
  sort?: { key: Column['sort']; desc: boolean } | undefined;
  /** Clicking a sortable header sorts by it; clicking again reverses. */
  onSort?(key: NonNullable<Column['sort']>): void;
}

/** A virtualized grid: only the rows on screen exist in the DOM. */
export function RecordsTable({ total, rowAt, selectedId, onSelect, columns = COLUMNS, sort, onSort }: Props) {
  const TABLE_WIDTH = tableWidth(columns);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  return (
    <div className="records-scroller" ref={scroller} role="grid" aria-rowcount={total} aria-label="Customs records">
      <div className="records-header" role="row" style={{ width: TABLE_WIDTH }}>
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            aria-sort={sort?.key && sort.key === c.sort ? (sort.desc ? 'descending' : 'ascending') : undefined}
            className={`${c.align === 'right' ? 'cell right' : 'cell'}${c.sort && onSort ? ' sortable' : ''}`}
            style={{ width: c.width }}
            onClick={() => c.sort && onSort?.(c.sort)}
            title={c.sort && onSort ? 'Sort by this column' : undefined}
          >
            {c.label}
            {sort?.key && sort.key === c.sort ? (sort.desc ? ' ▼' : ' ▲') : ''}
          </div>
        ))}
        <div role="columnheader" className="cell" style={{ width: 120 }}>Flags</div>
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width: TABLE_WIDTH, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <RecordRow
            key={item.key}
            index={item.index}
            top={item.start}
            record={rowAt(item.index)}
            selected={rowAt(item.index)?.id === selectedId}
            onSelect={onSelect}
            columns={columns}
          />
        ))}
      </div>
    </div>
  );
}

const RecordRow = memo(function RecordRow(props: {
  index: number;
  top: number;
  record: CustomsRecord | undefined;
  selected: boolean;
  onSelect(id: number): void;
  columns: Column[];
}) {
  const { record, top, selected, onSelect, index, columns } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      data-record-id={record?.id}
      className={`records-row${selected ? ' selected' : ''}${index % 2 ? ' odd' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => record && onSelect(record.id)}
    >
      {record ? (
        <>
          {columns.map((c) => {
            const v = c.value(record);
            return (
              <div key={c.key} role="gridcell" className={c.align === 'right' ? 'cell right' : 'cell'} style={{ width: c.width }} title={v}>
                {v}
              </div>
            );
          })}
          <div role="gridcell" className="cell" style={{ width: 120 }}>
            {record.flags.map((f) => (
              <span key={f} className="flag">{f.replace(/_/g, ' ')}</span>
            ))}
          </div>
        </>
      ) : (
        <div className="cell muted">Loading…</div>
      )}
    </div>
  );
});
