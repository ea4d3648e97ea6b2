import { useEffect, useState } from 'react';
import type { AuditEntry, AuditVerification } from '../../../../shared/api/case';
import { client } from '../../api/client';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/store';
import { detailLines } from './audit-detail';
import './audit.css';

/** The case's append-only, hash-chained log of changes. */
export function AuditSection() {
  const revision = useApp((s) => s.revision);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [check, setCheck] = useState<AuditVerification | null>(null);
  useEffect(() => {
    void client.call('audit.list', { limit: 1000 }).then((r) => r.ok && setEntries(r.value));
    void client.call('audit.verify', {}).then((r) => r.ok && setCheck(r.value));
  }, [revision]);
  return (
    <section className="panel">
      <header className="toolbar">
        <h2>Audit log</h2>
        {check && (
          <span className={check.ok ? 'badge ok' : 'badge bad'}>
            {check.ok ? `Chain intact · ${check.entries} entries` : `Chain broken at entry ${check.brokenAt}`}
          </span>
        )}
      </header>
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
            <tr key={e.seq}>
              <td>{e.seq}</td>
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
    </section>
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
