import { useEffect, useState } from 'react';
import type { BriefContent, BriefVersion } from '../../../../shared/domain/briefs';
import { client } from '../../api/client';
import { navigate } from '../../router';
import { useApp } from '../../state/store';
import { BriefPreview } from './BriefPreview';
import { FindingsEditor } from './FindingsEditor';

const EMPTY: BriefContent = { title: '', author: '', summary: '', findings: [], diagrams: [] };
const today = () => new Date().toISOString().slice(0, 10);

/**
 * One brief in the composer: its title, author, date and summary, its
 * findings with their citations, and its versions. Saving makes a new
 * version (the earlier ones stay, as the PDFs rendered from them were
 * hashed); the preview renders the saved version.
 */
export function BriefComposer({ id }: { id: number | null }) {
  const setError = useApp((s) => s.setError);
  const revision = useApp((s) => s.revision);
  const [saved, setSaved] = useState<BriefVersion | null>(null);
  const [content, setContent] = useState<BriefContent>(() => ({ ...EMPTY, date: today() }));
  const [versions, setVersions] = useState<BriefVersion[]>([]);
  const [viewing, setViewing] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (id === null) return;
    void client.call('briefs.get', { id }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setSaved(r.value);
      setContent(r.value.content);
      setViewing(null);
    });
  }, [id, revision, setError]);

  useEffect(() => {
    if (!saved) return;
    const numbers = Array.from({ length: saved.version }, (_, i) => saved.version - i);
    void Promise.all(numbers.map((version) => client.call('briefs.get', { id: saved.id, version }))).then((rs) =>
      setVersions(rs.flatMap((r) => (r.ok ? [r.value] : []))),
    );
  }, [saved]);

  const dirty = !saved || JSON.stringify(saved.content) !== JSON.stringify(content);
  const set = (patch: Partial<BriefContent>) => setContent((c) => ({ ...c, ...patch }));
  const readOnly = viewing !== null && saved !== null && viewing !== saved.version;

  async function save() {
    setStatus(null);
    const r = await client.call('briefs.save', { ...(saved ? { id: saved.id } : {}), content });
    if (!r.ok) return setError(r.error.message);
    setSaved(r.value);
    setContent(r.value.content);
    setStatus(`Saved as version ${r.value.version}.`);
    if (id === null) navigate(`#/briefs/${r.value.id}`, { replace: true });
  }

  function view(v: BriefVersion) {
    setViewing(v.version);
    setContent(v.content);
  }

  return (
    <section className="panel brief-composer">
      <header className="toolbar">
        <button className="link" onClick={() => navigate('#/briefs')}>
          ← All briefs
        </button>
        <h2>{content.title || 'New brief'}</h2>
        {saved && (
          <span className="muted small">
            brief {saved.id}, version {saved.version}
          </span>
        )}
        <span className="spacer" />
        {status && (
          <span className="small" role="status">
            {status}
          </span>
        )}
        <button className="primary" onClick={() => void save()} disabled={!dirty || !content.title.trim()}>
          {readOnly ? 'Save as a new version' : 'Save'}
        </button>
      </header>
      <div className="brief-body">
        <div className="brief-form">
          {readOnly && (
            <p className="notice">
              Showing version {viewing}. Saving it makes it the latest again.{' '}
              <button className="link" onClick={() => saved && view(saved)}>
                Back to the latest
              </button>
            </p>
          )}
          <div className="brief-meta">
            <label className="field">
              Title
              <input value={content.title} onChange={(e) => set({ title: e.target.value })} />
            </label>
            <label className="field">
              Author
              <input value={content.author} onChange={(e) => set({ author: e.target.value })} />
            </label>
            <label className="field">
              Date
              <input
                type="date"
                value={content.date ?? ''}
                onChange={(e) => set({ date: e.target.value || undefined })}
              />
            </label>
          </div>
          <label className="field">
            Executive summary
            <textarea rows={5} value={content.summary} onChange={(e) => set({ summary: e.target.value })} />
          </label>
          <FindingsEditor findings={content.findings} onChange={(findings) => set({ findings })} />
          {versions.length > 0 && (
            <section className="brief-versions" aria-label="Versions">
              <h3>Versions</h3>
              <ol reversed>
                {versions.map((v) => (
                  <li key={v.version}>
                    <button className="link" onClick={() => view(v)} aria-current={viewing === v.version || undefined}>
                      Version {v.version}
                    </button>{' '}
                    <span className="muted small">
                      {v.savedAt.slice(0, 16).replace('T', ' ')} UTC · {v.savedBy} · {v.content.findings.length} finding
                      {v.content.findings.length === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
        <BriefPreview brief={saved} version={readOnly ? viewing : (saved?.version ?? null)} dirty={dirty} />
      </div>
    </section>
  );
}
