import { useCallback, useEffect, useState } from 'react';
import type { ImportOptions, ImportPreview } from '../../../../shared/api/records';
import type { ImportSummary, Mapping } from '../../../../shared/domain/records';
import { JobProgress, useJob } from '../../components/jobs';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { MappingStep } from './MappingStep';
import { PreviewTable } from './PreviewTable';
import { ReportStep, Summary } from './ReportStep';
import './import.css';

const STEPS = ['Read', 'Map', 'Check', 'Import', 'Report'] as const;
type Step = (typeof STEPS)[number];
const ENCODINGS = [
  'utf-8',
  'windows-1251',
  'gb18030',
  'utf-16le',
  'utf-16be',
  'koi8-r',
  'windows-1252',
  'big5',
  'shift_jis',
];
const DELIMITERS: [string, string][] = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];

/**
 * The import wizard: how the file reads (encoding, delimiter, sheet) →
 * which column is which field, with normalized values live → what the
 * import will do → the import as a job, with progress and Cancel (which
 * leaves the case as it was) → the report, with the flagged and rejected rows.
 */
export function ImportWizard({
  path,
  onClose,
  onShowFlagged,
}: {
  path: string;
  onClose(): void;
  onShowFlagged(importId: number): void;
}) {
  const [step, setStep] = useState<Step>('Read');
  const [read, setRead] = useState<Pick<ImportOptions, 'encoding' | 'delimiter' | 'sheet'>>({});
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [plan, setPlan] = useState<ImportSummary | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const validation = useJob('import.validate');
  const importing = useJob('import.run');
  const [error, setError] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  const options = useCallback(
    (): ImportOptions => ({ path, ...read, ...(mapping ? { mapping } : {}) }),
    [path, read, mapping],
  );

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void client.call('import.preview', options()).then((r) => {
        if (!live) return;
        if (!r.ok) return setError(r.error.message);
        setError(null);
        setPreview(r.value);
        if (!mapping) setMapping({ columns: r.value.suggestedMapping as Mapping['columns'] });
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [options]); // eslint-disable-line react-hooks/exhaustive-deps

  async function check() {
    setStep('Check');
    setPlan(null);
    const end = await validation.run(options());
    if (end.state === 'done') setPlan(end.result);
    else if (end.state === 'failed') setError(end.message);
    else setStep('Map');
  }

  async function run() {
    setStep('Import');
    const end = await importing.run(options());
    if (end.state === 'done') {
      setSummary(end.result);
      setStep('Report');
      void refresh();
    } else if (end.state === 'failed') setError(end.message);
    else {
      setStep('Map');
      setError('Import cancelled; the case is as it was.');
    }
  }

  const running = importing.job !== null || validation.job !== null;
  return (
    <div className="wizard-backdrop" role="dialog" aria-modal="true" aria-label="Import customs file">
      <div className="wizard">
        <header>
          <h2>Import {path.split(/[\\/]/).pop()}</h2>
          <ol className="wizard-steps">
            {STEPS.map((s) => (
              <li key={s} className={s === step ? 'current' : ''}>
                {s}
              </li>
            ))}
          </ol>
          <span className="spacer" />
          <button className="link" onClick={onClose} disabled={running}>
            Close
          </button>
        </header>
        <div className="wizard-body">
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {step === 'Read' && preview && (
            <>
              <div className="wizard-options">
                {preview.format !== 'xlsx' && (
                  <label>
                    Encoding
                    <select
                      aria-label="Encoding"
                      value={read.encoding ?? preview.encoding}
                      onChange={(e) => setRead({ ...read, encoding: e.target.value })}
                    >
                      {[...new Set([preview.encoding, ...ENCODINGS])].map((e) => (
                        <option key={e} value={e}>
                          {e}
                        </option>
                      ))}
                    </select>
                    <span className="small muted">
                      {read.encoding ? 'chosen' : `detected (${Math.round(preview.encodingConfidence * 100)}%)`}
                    </span>
                  </label>
                )}
                {preview.format === 'csv' && (
                  <label>
                    Delimiter
                    <select
                      aria-label="Delimiter"
                      value={read.delimiter ?? preview.delimiter ?? ','}
                      onChange={(e) => setRead({ ...read, delimiter: e.target.value })}
                    >
                      {DELIMITERS.map(([d, name]) => (
                        <option key={name} value={d}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {preview.format === 'xlsx' && (
                  <label>
                    Sheet
                    <select
                      aria-label="Sheet"
                      value={String(read.sheet ?? preview.sheets[0] ?? '')}
                      onChange={(e) => setRead({ ...read, sheet: e.target.value })}
                    >
                      {preview.sheets.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <span className="small muted">
                  {preview.format.toUpperCase()} · {preview.columns.length} columns
                  {preview.suggestedPreset ? ` · looks like ${preview.suggestedPreset}` : ''}
                </span>
              </div>
              {preview.replacementChars > 0 && (
                <p className="warnings" role="alert">
                  {preview.replacementChars} characters could not be decoded as {preview.encoding} (shown as �): try
                  another encoding.
                </p>
              )}
              <PreviewTable columns={preview.columns} rows={preview.rows} />
            </>
          )}
          {step === 'Map' && preview && mapping && (
            <MappingStep preview={preview} mapping={mapping} onMapping={setMapping} />
          )}
          {step === 'Check' && plan && <Summary s={plan} planned />}
          {step === 'Check' && !plan && <p className="muted">Reading the whole file…</p>}
          {step === 'Check' && validation.job && <JobProgress job={validation.job} label="Check progress" />}
          {step === 'Import' && importing.job && <JobProgress job={importing.job} label="Import progress" />}
          {step === 'Report' && summary && (
            <ReportStep
              summary={summary}
              fileName={path.split(/[\\/]/).pop() ?? path}
              onShowFlagged={(id) => {
                onShowFlagged(id);
                onClose();
              }}
            />
          )}
        </div>
        <footer>
          {step === 'Read' && (
            <button className="primary" disabled={!preview} onClick={() => setStep('Map')}>
              Next: mapping
            </button>
          )}
          {step === 'Map' && (
            <>
              <button onClick={() => setStep('Read')}>Back</button>
              <button
                className="primary"
                disabled={!mapping || Object.keys(mapping.columns).length === 0}
                onClick={() => void check()}
              >
                Next: check
              </button>
            </>
          )}
          {step === 'Check' && (
            <>
              <button onClick={() => setStep('Map')}>Back</button>
              <button className="primary" disabled={!plan || plan.alreadyImported} onClick={() => void run()}>
                Import {plan ? plan.rowsImported.toLocaleString() : ''} rows
              </button>
            </>
          )}
          {step === 'Report' && (
            <button className="primary" onClick={onClose}>
              Done
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
