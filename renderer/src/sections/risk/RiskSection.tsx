import { useEffect, useState } from 'react';
import type { RiskSummary } from '../../../../shared/domain/risk';
import { JobProgress, useJob } from '../../components/jobs';
import { setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { FigureCell, Party } from './FigureLink';
import './risk.css';

/**
 * The last summary, by case, revision and toggle: coming back to the section
 * (Back from the records a number opened) shows it at once instead of
 * reading a million records again; any change to the case reads afresh.
 */
let kept: { key: string; summary: RiskSummary } | null = null;

const country = (c: string | null) => c ?? 'not recorded';

/**
 * The case's risk summary: sanctioned counterparties and their trade before
 * and after listing, goods on the Common High Priority List by tier and by
 * route, and the largest flows into sanctioned entities. Every number opens
 * the Records section on exactly the records behind it.
 */
export function RiskSection() {
  const revision = useApp((s) => s.revision);
  const caseId = useApp((s) => s.caseInfo?.caseId);
  const setError = useApp((s) => s.setError);
  const confirmedOnly = useRoute((s) => s.route.params.confirmed === '1');
  const key = `${caseId}:${revision}:${confirmedOnly}`;
  const [summary, setSummary] = useState<RiskSummary | null>(kept?.key === key ? kept.summary : null);
  const { job, run } = useJob('risk.summary');
  useEffect(() => {
    if (kept?.key === key) return setSummary(kept.summary);
    let live = true;
    void run({ confirmedOnly, limit: 25 }).then((end) => {
      if (!live) return;
      if (end.state === 'failed') return setError(end.message);
      if (end.state !== 'done') return;
      kept = { key, summary: end.result };
      setSummary(end.result);
    });
    return () => void (live = false);
  }, [key, confirmedOnly, run, setError]);

  return (
    <section className="panel risk-section">
      <header className="toolbar">
        <h2>Risk summary</h2>
        <label className="small">
          <input
            type="checkbox"
            checked={confirmedOnly}
            onChange={(e) => setParams({ confirmed: e.target.checked ? '1' : undefined })}
          />{' '}
          Only confirmed hits
        </label>
      </header>
      {job && <JobProgress job={job} label="Risk summary" />}
      {summary && <Summary s={summary} />}
    </section>
  );
}

function Summary({ s }: { s: RiskSummary }) {
  return (
    <>
      <p className="small muted" role="note">
        {s.screening
          ? `From the screening of ${s.screening.at.slice(0, 10)}. Sanctioned: entities with ${
              s.statuses.length === 1 ? 'a confirmed hit' : 'a confirmed or open (not yet reviewed) hit'
            }; hits marked false positive are left out. Every number opens the records behind it.`
          : 'No screening yet: import a list and screen the entities (Lists) to see sanctioned counterparties.'}
      </p>
      <h3>Sanctioned counterparties ({s.counterparties.length})</h3>
      {s.counterparties.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="grid risk-table" aria-label="Sanctioned counterparties">
          <thead>
            <tr>
              <th>Entity</th>
              <th>Listed</th>
              <th className="num">Shipments</th>
              <th className="num">Value USD</th>
              <th>First</th>
              <th>Last</th>
              <th className="num">Before listing</th>
              <th className="num">On or after listing</th>
            </tr>
          </thead>
          <tbody>
            {s.counterparties.map((c) => (
              <tr key={c.entityId}>
                <td>
                  <Party id={c.entityId} name={c.name} country={c.country} status={c.status} />
                </td>
                <td className="small">
                  {c.listedOn ?? 'date not given'}
                  <div className="muted">
                    {[...new Set(c.listings.flatMap((l) => [l.listName, ...l.programs]))].join(' · ')}
                  </div>
                </td>
                <FigureCell figure={c.shipments} what={`${c.name}: all records`} />
                <td className="muted small date">{c.firstDate ?? '—'}</td>
                <td className="muted small date">{c.lastDate ?? '—'}</td>
                <FigureCell figure={c.beforeListing} what={`${c.name}: before ${c.listedOn}`} both />
                <FigureCell figure={c.afterListing} what={`${c.name}: from ${c.listedOn}`} both />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="risk-columns">
        <section aria-label="CHPL goods by tier">
          <h3>CHPL goods by tier</h3>
          <table className="grid risk-table">
            <thead>
              <tr>
                <th>Tier</th>
                <th className="num">Shipments</th>
                <th className="num">Value USD</th>
              </tr>
            </thead>
            <tbody>
              {s.chpl.tiers.map((t) => (
                <tr key={t.tier}>
                  <td>{t.tier}</td>
                  <FigureCell figure={t.shipments} what={`CHPL tier ${t.tier}`} />
                </tr>
              ))}
              <tr className="total">
                <td>All tiers</td>
                <FigureCell figure={s.chpl.total} what="CHPL, any tier" />
              </tr>
            </tbody>
          </table>
        </section>
        <section aria-label="CHPL goods by route">
          <h3>CHPL goods by route</h3>
          <table className="grid risk-table">
            <thead>
              <tr>
                <th>Origin → destination</th>
                <th className="num">Shipments</th>
                <th className="num">Value USD</th>
              </tr>
            </thead>
            <tbody>
              {s.chpl.routes.map((r) => (
                <tr key={`${r.origin}>${r.destination}`}>
                  <td>
                    {country(r.origin)} → {country(r.destination)}
                  </td>
                  <FigureCell
                    figure={r.shipments}
                    what={`CHPL from ${country(r.origin)} to ${country(r.destination)}`}
                  />
                </tr>
              ))}
            </tbody>
          </table>
          {s.chpl.moreRoutes > 0 && <p className="small muted">and {s.chpl.moreRoutes} smaller routes</p>}
        </section>
      </div>
      <h3>Largest flows into sanctioned entities</h3>
      {s.flows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="grid risk-table" aria-label="Largest flows into sanctioned entities">
          <thead>
            <tr>
              <th>Shipper</th>
              <th>→ Sanctioned consignee</th>
              <th className="num">Shipments</th>
              <th className="num">Value USD</th>
              <th>First</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {s.flows.map((f) => (
              <tr key={`${f.from.entityId}>${f.to.entityId}`}>
                <td>
                  <Party id={f.from.entityId} name={f.from.name} country={f.from.country} />
                </td>
                <td>
                  <Party id={f.to.entityId} name={f.to.name} country={f.to.country} status={f.to.status} />
                </td>
                <FigureCell figure={f.shipments} what={`${f.from.name} to ${f.to.name}`} />
                <td className="muted small date">{f.firstDate ?? '—'}</td>
                <td className="muted small date">{f.lastDate ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
