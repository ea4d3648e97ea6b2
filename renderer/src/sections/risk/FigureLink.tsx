import type { RiskFigure, RiskStatus } from '../../../../shared/domain/risk';
import { formatRoute } from '../../router';
import { paramsOfFilter } from '../records/record-route';
import '../../components/sanctions-badge.css';

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;

/** Where a figure's records are: the Records section on the figure's filter (a link, so Back comes here again). */
const recordsHref = (f: RiskFigure) => formatRoute({ section: 'records', path: [], params: paramsOfFilter(f.filter) });

/** A number that opens its records; `label` says what they are, for the screen reader and the tooltip. */
function FigureLink({ figure, text, label }: { figure: RiskFigure; text: string; label: string }) {
  return (
    <a className="figure" href={recordsHref(figure)} title={label} aria-label={label}>
      {text}
    </a>
  );
}

/**
 * A figure's count and value, each a link to its records: as two cells, or
 * (`both`) in one cell when the column holds both. An absent figure (no
 * listing date to split at) shows a dash.
 */
export function FigureCell({ figure, what, both }: { figure: RiskFigure | null; what: string; both?: boolean }) {
  if (!figure)
    return both ? (
      <td className="num muted" title="The list gives no listing date">
        —
      </td>
    ) : (
      <>
        <td className="num muted">—</td>
        <td className="num muted">—</td>
      </>
    );
  const count = (
    <FigureLink
      figure={figure}
      text={figure.records.toLocaleString('en-US')}
      label={`${figure.records} records: ${what}`}
    />
  );
  const value = <FigureLink figure={figure} text={usd(figure.valueUsd)} label={`${usd(figure.valueUsd)}: ${what}`} />;
  return both ? (
    <td className="num">
      {count} <span className="muted small">{value}</span>
    </td>
  ) : (
    <>
      <td className="num">{count}</td>
      <td className="num">{value}</td>
    </>
  );
}

/** An entity by name (a link to its page) with its country and, for a sanctioned one, how sure that is (SanctionsBadge's words). */
export function Party(p: { id: number; name: string; country: string | null; status?: RiskStatus }) {
  return (
    <>
      <a href={formatRoute({ section: 'entities', path: [String(p.id)], params: {} })}>{p.name}</a>
      {p.country && <span className="muted small"> {p.country}</span>}
      {p.status && (
        <span className={`sanctions-badge ${p.status}`}>
          {p.status === 'confirmed' ? 'Sanctioned' : 'Possible sanctions hit'}
        </span>
      )}
    </>
  );
}
