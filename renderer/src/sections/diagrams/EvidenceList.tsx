import { useEffect, useState } from 'react';
import type { EvidenceRef } from '../../../../shared/domain/diagrams';
import type { Excerpt } from '../../../../shared/domain/documents';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { navigate } from '../../router';
import { openDocumentAt } from '../documents/nav';
import { usd } from './flow-model';

/** How many rows an edge lists at once (an edge may rest on thousands). */
const SHOWN = 50;

type Loaded = { ref: EvidenceRef; record?: CustomsRecord; excerpt?: Excerpt };

/**
 * The rows and excerpts behind an edge: each opens in one click where it
 * comes from — a record at its provenance (the Records section with the row
 * open), an excerpt at its document's page.
 */
export function EvidenceList({ evidence }: { evidence: EvidenceRef[] }) {
  const [loaded, setLoaded] = useState<Loaded[] | null>(null);
  const [limit, setLimit] = useState(SHOWN);
  const key = evidence.map((e) => `${e.kind}${e.id}`).join(',');
  useEffect(() => {
    let live = true;
    setLoaded(null);
    void Promise.all(
      evidence.slice(0, limit).map(async (ref): Promise<Loaded> => {
        if (ref.missing) return { ref };
        if (ref.kind === 'record') {
          const r = await client.call('records.get', { id: ref.id });
          return r.ok ? { ref, record: r.value.record } : { ref };
        }
        const x = await client.call('excerpts.get', { id: ref.id });
        return x.ok ? { ref, excerpt: x.value } : { ref };
      }),
    ).then((rows) => live && setLoaded(rows));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `evidence`
  }, [key, limit]);

  if (evidence.length === 0) return <p className="muted small">No evidence cited.</p>;
  if (!loaded) return <p className="muted small">Loading…</p>;
  return (
    <div className="evidence">
      <ul className="evidence-list" aria-label="Evidence">
        {loaded.map(({ ref, record, excerpt }) => (
          <li key={`${ref.kind}${ref.id}`} className={ref.missing ? 'missing' : ''}>
            {record ? (
              <button
                className="link evidence-record"
                title="Open the record at its provenance"
                onClick={() => navigate({ section: 'records', path: [], params: { record: String(record.id) } })}
              >
                <span className="mono">#{record.id}</span> {record.date ?? 'no date'} · {record.hsCode ?? '—'} ·{' '}
                {record.valueUsd === null ? 'no value' : usd(record.valueUsd)}
                <span className="muted"> row {record.row}</span>
              </button>
            ) : excerpt ? (
              <button
                className="link evidence-excerpt"
                title="Open the document at this page"
                onClick={() => openDocumentAt(excerpt.documentId, excerpt.page)}
              >
                “{excerpt.quote.slice(0, 90)}” <span className="muted">p. {excerpt.page}</span>
              </button>
            ) : (
              <span className="muted">
                {ref.kind} {ref.id} — removed from the case
              </span>
            )}
          </li>
        ))}
      </ul>
      {evidence.length > limit && (
        <button className="link" onClick={() => setLimit((l) => l + SHOWN * 4)}>
          Show more ({(evidence.length - limit).toLocaleString()} not shown)
        </button>
      )}
    </div>
  );
}
