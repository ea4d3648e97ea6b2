import { useDeferredValue, useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/domain/records';
import type { EntityHitSummary } from '../../../../shared/domain/screening';
import { client } from '../../api/client';
import { SanctionsBadge, useRecordPartyHits } from '../../components/SanctionsBadge';
import { intOrNull, setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { RecordDetail } from '../records/RecordDetail';
import { highlightSnippet } from './Snippet';
import { openDocumentAt, termsOf } from './nav';
import './documents.css';

/** Hits asked for at once: records and document pages together. */
const HITS = 100;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "131 records (first 98 shown) · 2 document pages": the records counted in full, the hits listed stop at HITS. */
function countLine(records: number, shown: number, pages: number): string {
  const more = records > shown ? ` (first ${shown.toLocaleString()} shown)` : '';
  return `${plural(records, 'record', 'records')}${more} · ${plural(pages, 'document page', 'document pages')}`;
}

/**
 * One search over the whole case: customs records and document pages
 * together (`search.query`). A document hit opens the document at its page
 * with the terms marked; a record hit shows the record with its provenance.
 */
export function SearchSection() {
  const revision = useApp((s) => s.revision);
  const setError = useApp((s) => s.setError);
  // The search text and the record open beside the results live in the URL (`#/search?q=…&record=12`).
  const params = useRoute((s) => s.route.params);
  const text = params.q ?? '';
  const query = useDeferredValue(text.trim());
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const record = intOrNull(params.record);
  const setRecord = (id: number | null) => setParams({ record: id === null ? undefined : String(id) }, { push: true });
  // Every record the query matches (records.count), not only the hits shown: the list stops at HITS.
  const [recordTotal, setRecordTotal] = useState<number | null>(null);
  useEffect(() => {
    if (!query) {
      setHits(null);
      setRecordTotal(null);
      return;
    }
    let current = true;
    void client
      .call('search.query', { query, limit: HITS })
      .then((r) => current && (r.ok ? setHits(r.value) : setError(r.error.message)));
    void client
      .call('records.count', { query })
      .then((r) => current && (r.ok ? setRecordTotal(r.value) : setError(r.error.message)));
    return () => {
      current = false;
    };
  }, [query, revision, setError]);
  // The sanctions badges of the record hits' parties: one call for the list.
  const partyHits = useRecordPartyHits(hits?.flatMap((h) => (h.kind === 'record' ? [h.id] : [])) ?? []);
  const terms = termsOf(query);
  const docs = hits?.filter((h) => h.kind === 'document').length ?? 0;
  const recordHits = (hits?.length ?? 0) - docs;
  return (
    <section className="documents-section">
      <header className="toolbar">
        <h2>Search</h2>
        <input
          type="search"
          autoFocus
          placeholder="Names, goods, places… in records and documents"
          value={text}
          onChange={(e) => setParams({ q: e.target.value })}
          aria-label="Search the case"
        />
        {hits && recordTotal !== null && (
          <span className="muted small" aria-live="polite">
            {countLine(recordTotal, recordHits, docs)}
          </span>
        )}
      </header>
      <div className="records-body">
        <div className="panel search-results">
          {!hits && <p className="muted">Search every customs record and every page of every document at once.</p>}
          {hits?.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
          <ul className="hits" aria-label="Search results">
            {hits?.map((h) => (
              <li key={`${h.kind}-${h.id}-${h.page ?? h.row}`}>
                <button
                  className="hit-open"
                  onClick={() => (h.kind === 'document' ? openDocumentAt(h.id, h.page ?? 1, terms) : setRecord(h.id))}
                >
                  <span className={`kind ${h.kind}`}>{h.kind === 'document' ? 'Document' : 'Record'}</span>{' '}
                  <strong>{h.kind === 'document' ? h.title : `Import ${h.importId}, row ${h.row}`}</strong>
                  {h.kind === 'document' && <span className="muted small"> page {h.page}</span>}
                  <span className="snippet">{highlightSnippet(h.snippet, terms)}</span>
                  {h.hsCode && (
                    <span className="small hit-goods">
                      HS {h.hsCode}
                      {h.hsText ? ` · ${h.hsText}` : ''}
                    </span>
                  )}
                </button>
                {h.kind === 'record' && <PartyBadges parties={partyHits.get(h.id)} />}
              </li>
            ))}
          </ul>
        </div>
        {record !== null && <RecordDetail id={record} onClose={() => setRecord(null)} />}
      </div>
    </section>
  );
}

/** A record hit's parties that screening found on a list, each badge saying its role (beside the hit, a link of its own). */
function PartyBadges({ parties }: { parties: Readonly<Record<string, EntityHitSummary>> | undefined }) {
  if (!parties) return null;
  return (
    <span className="hit-badges">
      {Object.entries(parties).map(([role, summary]) => (
        <span key={role} className="small muted">
          {role} <SanctionsBadge summary={summary} compact />
        </span>
      ))}
    </span>
  );
}
