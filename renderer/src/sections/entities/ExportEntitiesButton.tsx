import { CSV_BOM, csvLine } from '../../../../shared/domain/csv';
import { ENTITIES_CSV_HEADER, entityCsvRow } from '../../../../shared/domain/table-csv';
import { client } from '../../api/client';
import { CSV_TYPE, download, pickExportPath, savesToPath } from '../../api/save-export';
import { StatusNote } from '../../components/StatusNote';
import { useExportNote } from '../../components/use-export-note';

/**
 * "Export as CSV" of the entities list as shown: all active entities, or
 * those the search finds, in the list's order. The desktop app has the core
 * write the file chosen in the save dialog (`entities.exportCsv`); a browser
 * downloads the same CSV built from `entities.list`.
 */
export function ExportEntitiesButton({ query }: { query: string }) {
  const { note, busy, start } = useExportNote(async () => {
    const q = query || undefined;
    if (savesToPath()) {
      const path = await pickExportPath('csv', 'entities.csv', 'Export entities as CSV');
      if (!path) return null;
      const r = await client.call('entities.exportCsv', { query: q, path });
      if (!r.ok) throw new Error(r.error.message);
      return `Saved ${r.value.rows.toLocaleString()} entities to ${r.value.file}.`;
    }
    const r = await client.call('entities.list', { query: q, limit: 10_000_000 });
    if (!r.ok) throw new Error(r.error.message);
    download(
      [CSV_BOM + csvLine(ENTITIES_CSV_HEADER), ...r.value.map((e) => csvLine(entityCsvRow(e)))],
      'entities.csv',
      CSV_TYPE,
    );
    return `Downloaded ${r.value.length.toLocaleString()} entities as entities.csv.`;
  });
  return (
    <>
      <button onClick={() => void start()} disabled={busy}>
        Export as CSV
      </button>
      <StatusNote text={note} className="export-note" />
    </>
  );
}
