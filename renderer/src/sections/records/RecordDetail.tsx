import { useEffect, useState } from 'react';
import { RECORD_FIELDS, type RecordDetail as Detail } from '../../../../shared/domain/records';
import type { HsDescription } from '../../../../shared/goods/hs-codes';
import { client } from '../../api/client';
import { formatDateTime } from '../../format';
import { FIELD_LABELS } from './columns';
import { RecordParties } from './RecordParties';

/** One record: its parties (each a link to its entity), its flags, where it came from, down to the raw values in its row, and its normalized fields. */
export function RecordDetail({ id, onClose }: { id: number; onClose(): void }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Arrow keys walk the table with the detail open: only the reply for the record now chosen may show.
    let current = true;
    setDetail(null);
    setError(null);
    void client
      .call('records.get', { id })
      .then((r) => current && (r.ok ? setDetail(r.value) : setError(r.error.message)));
    return () => {
      current = false;
    };
  }, [id]);
  if (error)
    return (
      <aside className="detail">
        <p className="error">{error}</p>
      </aside>
    );
  if (!detail)
    return (
      <aside className="detail">
        <p className="muted">Loading…</p>
      </aside>
    );
  const { record, provenance: p } = detail;
  return (
    <aside className="detail" aria-label="Record detail">
      <header className="detail-head">
        <h3>Record {record.id}</h3>
        <button className="link" onClick={onClose} aria-label="Close detail">
          Close
        </button>
      </header>
      {record.flags.length > 0 && (
        <p className="flags">
          {record.flags.map((f) => (
            <span key={f} className="flag">
              {f.replace(/_/g, ' ')}
            </span>
          ))}
        </p>
      )}
      <RecordParties recordId={record.id} />
      {detail.goods && <GoodsSection goods={detail.goods} />}
      <section className="provenance" aria-label="Provenance">
        <h4>Provenance</h4>
        <dl>
          <dt>Source file</dt>
          <dd>{p.fileName}</dd>
          <dt>SHA-256</dt>
          <dd className="mono small break">{p.sha256}</dd>
          <dt>Row</dt>
          <dd>
            {p.row} <span className="muted">(data row; header not counted)</span>
          </dd>
          <dt>Import</dt>
          <dd>
            #{p.importId}, {formatDateTime(p.importedAt)} by {p.importedBy}
          </dd>
        </dl>
        <h4>Raw values as read</h4>
        <table className="raw">
          <tbody>
            {p.columns.map((c, i) => (
              <tr key={`${c}-${i}`}>
                <th>{c}</th>
                <td>{p.raw[i] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Normalized fields">
        <h4>Normalized</h4>
        <dl>
          {RECORD_FIELDS.filter((f) => record[f] !== null && record[f] !== '').map((f) => (
            <div key={f} className="kv">
              <dt>{FIELD_LABELS[f]}</dt>
              <dd>{String(record[f])}</dd>
            </div>
          ))}
        </dl>
      </section>
    </aside>
  );
}

/** HS 2022 codes are written with a dot after the heading: 8807.30. */
const dotted = (code: string) => (code.length > 4 ? `${code.slice(0, 4)}.${code.slice(4)}` : code);

/** The record's HS code described chapter to subheading, and its place on the Common High Priority List. */
function GoodsSection({ goods }: { goods: HsDescription }) {
  return (
    <section aria-label="Goods">
      <h4>Goods (HS 2022)</h4>
      {goods.chplTier && (
        <p className="flags">
          <span className="flag">CHPL tier {goods.chplTier}</span>
        </p>
      )}
      <dl>
        {goods.levels.map((l) => (
          <div key={l.code} className="kv">
            <dt className="mono">{dotted(l.code)}</dt>
            <dd>{l.text}</dd>
          </div>
        ))}
      </dl>
      {goods.from2017 && (
        <p className="muted small">
          Declared as {dotted(goods.from2017)} (HS 2017), which HS 2022 renumbered {dotted(goods.code)}.
        </p>
      )}
    </section>
  );
}
