import { CSV_BOM, csvLine } from '../../../../shared/domain/csv';
import { RECORDS_CSV_HEADER, recordCsvRow } from '../../../../shared/domain/table-csv';
import { client } from '../../api/client';
import { CSV_TYPE, download, pickExportPath, savesToPath } from '../../api/save-export';
import { StatusNote } from '../../components/StatusNote';
import { useExportNote } from '../../components/use-export-note';
import { JobProgress, useJob } from '../../components/jobs';
import type { RecordQuery } from './record-route';

const PAGE = 10_000;

/**
 * "Export as CSV": every record the view's search, filters and sort select,
 * not only the rows on screen. In the desktop app the core streams them to
 * the file the person chose (`records.exportCsv`, a job with progress and
 * Cancel — the same file as `custodian records --csv`); in a browser the
 * rows come page by page through `records.list` and leave as a download.
 */
export function ExportRecordsButton({ query, total }: { query: RecordQuery; total: number | null }) {
  const { job, run } = useJob('records.exportCsv');
  const { note, busy, start } = useExportNote(async () => {
    if (savesToPath()) {
      const path = await pickExportPath('csv', 'records.csv', 'Export records as CSV');
      if (!path) return null;
      const end = await run({ ...query, path });
      return end.state === 'done'
        ? `Saved ${end.result.rows.toLocaleString()} records to ${end.result.file}.`
        : end.message;
    }
    const rows = await downloadRecords(query);
    return `Downloaded ${rows.toLocaleString()} records as records.csv.`;
  });
  return (
    <>
      {job ? (
        <JobProgress job={job} label="Exporting records" />
      ) : (
        <button onClick={() => void start()} disabled={busy || total === 0}>
          Export as CSV
        </button>
      )}
      <StatusNote text={note} className="export-note" />
    </>
  );
}

/** The browser's way: pages of records.list (keyset in record order, by offset in another sort) as CSV parts. */
async function downloadRecords(query: RecordQuery): Promise<number> {
  const parts: string[] = [CSV_BOM + csvLine(RECORDS_CSV_HEADER)];
  const byId = query.sort === undefined || query.sort === 'row';
  let rows = 0;
  let afterId: number | undefined;
  for (;;) {
    const r = await client.call('records.list', { ...query, limit: PAGE, offset: byId ? 0 : rows, afterId });
    if (!r.ok) throw new Error(r.error.message);
    parts.push(r.value.map((rec) => csvLine(recordCsvRow(rec))).join(''));
    rows += r.value.length;
    if (r.value.length < PAGE) break;
    if (byId) afterId = r.value[r.value.length - 1]!.id;
  }
  download(parts, 'records.csv', CSV_TYPE);
  return rows;
}
