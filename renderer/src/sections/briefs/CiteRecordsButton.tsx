import type { Citation } from '../../../../shared/domain/briefs';
import { describeRecordFilter } from '../../../../shared/domain/record-filter-words';
import { askChoice } from '../diagrams/AskChoice';
import type { RecordQuery } from '../records/record-route';
import { CiteButton } from './cite';

/**
 * Records → "Cite in brief…": the open record, or the current filter as a
 * saved filter (the brief describes it in words and prints the rows it
 * selects, with their count).
 */
export function CiteRecordsButton({
  query,
  openId,
  total,
}: {
  query: RecordQuery;
  openId: number | null;
  total: number | null;
}) {
  const { sort: _sort, desc: _desc, ...filter } = query;
  const words = describeRecordFilter(filter);
  const count = total === null ? '' : ` (${total.toLocaleString()} records now)`;
  const cite = async (): Promise<Citation | null> => {
    const which =
      openId === null
        ? 'filter'
        : await askChoice('Cite which records?', [
            { value: 'record', label: `The open record (#${openId})` },
            { value: 'filter', label: `This filter${count}: ${words}` },
          ]);
    if (which === 'record') return { kind: 'records', ids: [openId!] };
    return which === 'filter' ? { kind: 'filter', filter } : null;
  };
  return (
    <CiteButton
      cite={cite}
      what={openId === null ? `This filter${count}: ${words}` : `Record #${openId}, or this filter${count}`}
    />
  );
}
