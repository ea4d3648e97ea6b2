import { useEffect, useState } from 'react';
import type { DocumentInfo, Excerpt } from '../../../../shared/domain/documents';
import { client } from '../../api/client';

/** "+ Source": puts a document or one of its cited excerpts on the diagram (as a node pointing at it). */
export function AddEvidenceControl({ onAdd }: { onAdd(kind: 'document' | 'excerpt', ref: number): void }) {
  const [open, setOpen] = useState(false);
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [excerpts, setExcerpts] = useState<Excerpt[]>([]);
  useEffect(() => {
    if (!open) return;
    void client.call('documents.list', {}).then((r) => r.ok && setDocuments(r.value));
    void client.call('excerpts.list', {}).then((r) => r.ok && setExcerpts(r.value));
  }, [open]);
  const add = (kind: 'document' | 'excerpt', ref: number, el: HTMLElement) => {
    onAdd(kind, ref);
    el.closest('details')?.removeAttribute('open');
  };
  return (
    <details className="toolbar-popover" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>+ Source</summary>
      <div className="popover-body wide">
        <h4>Excerpts</h4>
        {excerpts.length === 0 && <p className="muted small">No excerpt cited yet (select text in a document).</p>}
        <ul className="popover-list">
          {excerpts.map((x) => (
            <li key={x.id}>
              <button className="link" onClick={(e) => add('excerpt', x.id, e.currentTarget)}>
                “{x.quote.slice(0, 80)}” <span className="muted small">p. {x.page}</span>
              </button>
            </li>
          ))}
        </ul>
        <h4>Documents</h4>
        <ul className="popover-list">
          {documents.map((d) => (
            <li key={d.id}>
              <button className="link" onClick={(e) => add('document', d.id, e.currentTarget)}>
                {d.title}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
