import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry, AuditFilter, AuditVerification } from '../../../../shared/api/case';
import { client } from '../../api/client';
import { formatDateTime } from '../../format';
import { intOrNull, setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { AuditFilters, FILTER_PARAMS } from './AuditFilters';
import { detailLines } from './audit-detail';
import { entriesText, saveAudit } from './export-audit';
import './audit.css';

const PAGE = 100;

/**
 * The case's append-only, hash-chained log of changes, newest first. The
 * filters and the page live in the URL (`#/audit?actor=anna&page=2`); the
 * core filters and pages, so a long log never comes whole. The chain check
 * names the entry where the chain breaks and what is wrong there, and that
 * entry is marked in the list.
 */
export function AuditSection() {
  const revision = useApp((s) => s.revision);
  const params = useRoute((s) => s.route.params);
  const filter = useMemo(() => filterOf(params), [params]);
  const page = intOrNull(params.page) ?? 0;
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [check, setCheck] = useState<AuditVerification | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void client
      .call('audit.list', { ...filter, limit: PAGE, offset: page * PAGE })
      .then((r) => r.ok && setEntries(r.value));
    void client.call('audit.count', filter).then((r) => r.ok && setCount(r.value));
  }, [filter, page, revision]);
  useEffect(() => {
    void client.call('audit.verify', {}).then((r) => r.ok && setCheck(r.value));
  }, [revision]);
  const pages = count === null ? 1 : Math.max(1, Math.ceil(count / PAGE));
  const exportAs = (format: 'csv' | 'jsonl') => {
    setNote(null);
    saveAudit(filter, format).then(setNote, (e: unknown) => setNote(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="panel">
      <header className="toolbar">
        <h2>Audit log</h2>
        {check && <ChainBadge check={check} />}
        <span className="muted small" aria-live="polite">
          {count === null ? '' : entriesText(count)}
        </span>
        <span className="spacer" />
        <button onClick={() => exportAs('csv')} disabled={count === 0}>
          Export as CSV
        </button>
        <button onClick={() => exportAs('jsonl')} disabled={count === 0}>
          Export as JSON lines
        </button>
      </header>
      <AuditFilters params={params} revision={revision} />
      {note && (
        <p className="muted small audit-note" role="status">
          {note}
        </p>
      )}
      {check && !check.ok && (
        <div className="audit-break" role="alert">
          <strong>The audit chain is broken at entry {check.brokenAt}.</strong> {check.problem}{' '}
          {!entries.some((e) => e.seq === check.brokenAt) && (
            <button className="link" onClick={() => showEntry(check)}>
              Show entry {check.brokenAt}
            </button>
          )}
        </div>
      )}
      {count === 0 ? (
        <p className="muted empty-section">No entries match these filters.</p>
      ) : (
        <AuditTable entries={entries} brokenAt={check?.ok === false ? check.brokenAt : undefined} />
      )}
      {pages > 1 && (
        <nav className="audit-pages" aria-label="Pages">
          <button disabled={page === 0} onClick={() => setParams({ page: page > 1 ? String(page - 1) : undefined })}>
            Newer
          </button>
          <span className="small">
            Page {page + 1} of {pages}
          </span>
          <button disabled={page + 1 >= pages} onClick={() => setParams({ page: String(page + 1) })}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}

function filterOf(params: Readonly<Record<string, string>>): AuditFilter {
  const f: Record<string, string> = {};
  for (const k of FILTER_PARAMS) if (params[k]) f[k] = params[k];
  return f;
}

/**
 * Goes to the page of the unfiltered log that holds the broken entry: the
 * check counted the entries up to it, and the list is newest first.
 */
function showEntry(check: AuditVerification) {
  void client.call('audit.count', {}).then((r) => {
    if (!r.ok) return;
    const page = Math.floor((r.value - check.entries) / PAGE);
    setParams({
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
      page: page ? String(page) : undefined,
    });
  });
}

function ChainBadge({ check }: { check: AuditVerification }) {
  return (
    <span className={check.ok ? 'badge ok' : 'badge bad'}>
      {check.ok ? `Chain intact · ${check.entries} entries` : `Chain broken at entry ${check.brokenAt}`}
    </span>
  );
}

function AuditTable({ entries, brokenAt }: { entries: AuditEntry[]; brokenAt?: number }) {
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>#</th>
          <th>When</th>
          <th>Who</th>
          <th>What</th>
          <th>Details</th>
          <th>Hash</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.seq}
            className={e.seq === brokenAt ? 'audit-broken' : undefined}
            aria-label={e.seq === brokenAt ? `Entry ${e.seq}: the chain breaks here` : undefined}
          >
            <td>
              {e.seq}
              {e.seq === brokenAt && <span className="badge bad audit-break-mark">breaks here</span>}
            </td>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td>{e.action}</td>
            <td className="small">
              <AuditDetail detail={e.detail} />
            </td>
            <td className="mono small" title={e.hash}>
              {e.hash.slice(0, 12)}…
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AuditDetail({ detail }: { detail: unknown }) {
  const lines = detailLines(detail);
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-detail">
      {lines.map((l) => (
        <div key={l.label}>
          <dt>{l.label}</dt>
          <dd className={l.full ? 'mono' : undefined} title={l.full}>
            {l.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
