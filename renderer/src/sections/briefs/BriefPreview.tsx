import { useEffect, useState } from 'react';
import type { BriefVersion } from '../../../../shared/domain/briefs';
import { client } from '../../api/client';
import { download, fileStem, savesToPath } from '../../api/save-export';
import { shell } from '../../api/client';
import { JobProgress, runJob, useJob } from '../../components/jobs';
import { PdfView } from '../documents/PdfView';

interface Shown {
  version: number;
  bytes: Uint8Array;
  pages: number;
  sha256: string;
}

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));

/**
 * The PDF of a saved brief version, rendered by the core (`briefs.render`,
 * a job: progress, Cancel) and shown in the document viewer's PDF view;
 * then "Save as…": the save dialog and the core writing the same bytes in
 * the desktop app, a download in a browser.
 */
export function BriefPreview({
  brief,
  version,
  dirty,
}: {
  brief: BriefVersion | null;
  version: number | null;
  dirty: boolean;
}) {
  const render = useJob('briefs.render');
  const [shown, setShown] = useState<Shown | null>(null);
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setShown(null), [brief?.id, version]);

  async function preview() {
    if (!brief || version === null) return;
    setMessage(null);
    const end = await render.run({ id: brief.id, version });
    if (end.state !== 'done') return setMessage(end.state === 'cancelled' ? 'Preview cancelled.' : end.message);
    const r = await client.call('briefs.preview', { id: brief.id, version });
    if (!r.ok) return setMessage(r.error.message);
    setShown({ version, bytes: fromBase64(r.value.base64), pages: end.result.pages, sha256: r.value.sha256 });
    setPage(1);
  }

  async function saveAs() {
    if (!brief || !shown) return;
    const name = `${fileStem(brief.content.title)}-v${shown.version}.pdf`;
    if (!savesToPath()) {
      download([shown.bytes.slice().buffer], name, 'application/pdf');
      return setMessage(`Downloaded ${name}.`);
    }
    const path = await shell.pickSavePath('pdf', name, 'Save the brief');
    if (!path) return;
    const end = await runJob('briefs.render', { id: brief.id, version: shown.version, out: path });
    setMessage(end.state === 'done' ? `Saved ${end.result.path} (SHA-256 ${end.result.sha256}).` : end.message);
  }

  return (
    <aside className="brief-preview" aria-label="Preview">
      <div className="toolbar">
        <button onClick={() => void preview()} disabled={!brief || render.job !== null}>
          Preview PDF
        </button>
        <button onClick={() => void saveAs()} disabled={!shown}>
          Save as…
        </button>
        {shown && (
          <span className="pager">
            <button onClick={() => setPage((p) => p - 1)} disabled={page <= 1} aria-label="Previous page">
              ‹
            </button>
            <span className="small">
              page {page} of {shown.pages}
            </span>
            <button onClick={() => setPage((p) => p + 1)} disabled={page >= shown.pages} aria-label="Next page">
              ›
            </button>
          </span>
        )}
      </div>
      {render.job && <JobProgress job={render.job} label="Rendering the brief" />}
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
      {!brief && <p className="muted small">Save the brief to preview it.</p>}
      {brief && dirty && !shown && <p className="muted small">The preview shows the saved version; save first.</p>}
      {shown && (
        <>
          <p className="muted small">
            Version {shown.version} · SHA-256 <code>{shown.sha256.slice(0, 16)}…</code>
          </p>
          <div className="brief-pdf">
            <PdfView bytes={shown.bytes} page={page} terms={[]} zoom={0.8} />
          </div>
        </>
      )}
    </aside>
  );
}
