import { useState } from 'react';
import { LIST_FORMATS, type ListFormat } from '../../../../shared/domain/screening';
import { shell } from '../../api/client';
import { JobProgress, useJob } from '../../components/jobs';
import { useApp, useReadOnly } from '../../state/store';
import { StatusNote } from '../../components/StatusNote';

const FORMAT_LABELS: Record<ListFormat, string> = {
  ofac: 'OFAC legacy CSV (sdn.csv)',
  ftm: 'OpenSanctions FtM JSON lines',
  'opensanctions-csv': 'OpenSanctions targets.simple.csv',
  csv: 'CSV with name, aliases, country… columns',
};

/**
 * Imports a list file as a background job: the date it was published as is
 * asked for (it decides what "listed before" means later), the format is
 * recognised unless chosen. A file that cannot be read says its line and
 * reason, and nothing of it is kept.
 */
export function ImportListForm({ onImported }: { onImported(): void }) {
  const readOnly = useReadOnly();
  const { job, run } = useJob('lists.import');
  const [format, setFormat] = useState<ListFormat | ''>('');
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [report, setReport] = useState<string | null>(null);
  const setError = useApp((s) => s.setError);
  const refresh = useApp((s) => s.refresh);

  async function start() {
    setReport(null);
    const path = await shell.pickOpenPath('list');
    if (!path) return;
    const end = await run({ paths: [path], asOf, ...(format ? { format } : {}), ...(name.trim() ? { name } : {}) });
    if (end.state === 'failed') return setError(end.message);
    if (end.state === 'cancelled') return setReport('Cancelled; nothing was imported.');
    const s = end.result;
    setReport(
      s.alreadyImported
        ? 'This file was imported for this list before; nothing was added.'
        : `${s.entries.toLocaleString()} entries · ${s.added.toLocaleString()} added, ${s.removed.toLocaleString()} removed since the version before` +
            (s.warnings.length ? ` · ${s.warnings.length} warning(s): ${s.warnings[0]}` : ''),
    );
    onImported();
    void refresh();
  }

  if (job) return <JobProgress job={job} label="List import" />;
  return (
    <div className="lists-import">
      <label>
        Format{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as ListFormat | '')}>
          <option value="">Recognise from the file</option>
          {LIST_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        List name <input value={name} placeholder="from the file" onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        As of <input type="date" value={asOf} required onChange={(e) => setAsOf(e.target.value)} />
      </label>
      <button onClick={() => void start()} disabled={!asOf || readOnly}>
        Import list file…
      </button>
      <StatusNote text={report} />
    </div>
  );
}
