import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { COLUMNS, TABLE_WIDTH } from './columns';

const ROW_HEIGHT = 30;

interface Props {
  total: number;
  rowAt(index: number): CustomsRecord | undefined;
  selectedId: number | null;
  onSelect(id: number): void;
}

/** A virtualized grid: only the rows on screen exist in the DOM. */
export function RecordsTable({ total, rowAt, selectedId, onSelect }: Props) {
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
        {COLUMNS.map((c) => (
          <div key={c.key} role="columnheader" className={c.align === 'right' ? 'cell right' : 'cell'} style={{ width: c.width }}>
            {c.label}
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
}) {
  const { record, top, selected, onSelect, index } = props;
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
          {COLUMNS.map((c) => {
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
