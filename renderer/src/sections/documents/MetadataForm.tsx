import { useEffect, useState } from 'react';
import type { DocumentInfo } from '../../../../shared/domain/documents';
import { client } from '../../api/client';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/store';

const FLAG_TEXT: Record<string, string> = {
  javascript: 'contains JavaScript (never run)',
  launch_action: 'asks to launch a program (never done)',
  open_action: 'has an action on open (ignored)',
  embedded_file: 'carries an embedded file',
  scripts_removed: 'scripts removed',
  remote_content_removed: 'remote content removed',
};

const sizeText = (n: number) =>
  n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The document's provenance (hash, file, who added it) and its editable metadata. */
export function MetadataForm({ info, onSaved }: { info: DocumentInfo; onSaved(d: DocumentInfo): void }) {
  const setError = useApp((s) => s.setError);
  const [form, setForm] = useState({
    title: info.title,
    sourceUrl: info.sourceUrl ?? '',
    capturedAt: info.capturedAt ?? '',
    notes: info.notes,
  });
  useEffect(
    () =>
      setForm({
        title: info.title,
        sourceUrl: info.sourceUrl ?? '',
        capturedAt: info.capturedAt ?? '',
        notes: info.notes,
      }),
    [info],
  );
  const dirty =
    form.title !== info.title ||
    form.sourceUrl !== (info.sourceUrl ?? '') ||
    form.capturedAt !== (info.capturedAt ?? '') ||
    form.notes !== info.notes;
  async function save() {
    const r = await client.call('documents.update', { id: info.id, ...form });
    if (!r.ok) return setError(r.error.message);
    onSaved(r.value);
  }
  const field = (key: keyof typeof form, label: string, placeholder = '') => (
    <label className="meta-field">
      <span className="muted small">{label}</span>
      <input
        type="text"
        value={form[key]}
        placeholder={placeholder}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section className="doc-meta" aria-label="Document details">
      <h4>Details</h4>
      {field('title', 'Title')}
      {field('sourceUrl', 'Source URL', 'https://…')}
      {field('capturedAt', 'Captured', 'YYYY-MM-DD')}
      <label className="meta-field">
        <span className="muted small">Notes</span>
        <textarea rows={3} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
      </label>
      <button onClick={() => void save()} disabled={!dirty || !form.title.trim()}>
        Save details
      </button>
      <dl className="small">
        <dt>File</dt>
        <dd>
          {info.fileName} ({sizeText(info.size)}, {info.mediaType})
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono break">{info.sha256}</dd>
        <dt>Added</dt>
        <dd>
          {formatDateTime(info.addedAt)} by {info.addedBy}
        </dd>
        <dt>Text</dt>
        <dd>
          {info.textStatus === 'text'
            ? `read by ${info.extractor}`
            : info.textStatus === 'ocr'
              ? `OCR (${info.extractor})`
              : 'no text layer'}
        </dd>
        {info.flags.length > 0 && (
          <>
            <dt>Warnings</dt>
            <dd>
              {info.flags.map((f) => (
                <span key={f} className="flag">
                  {FLAG_TEXT[f] ?? f}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
