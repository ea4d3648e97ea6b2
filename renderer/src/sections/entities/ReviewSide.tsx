import type { ReviewSide } from '../../../../shared/domain/entities';

/** One side of a pair under review: its names, what it carries, and how many times each name is seen. */
export function Side({ s, label }: { s: ReviewSide; label: string }) {
  return (
    <section className="review-side" aria-label={label}>
      <h3>{s.name}</h3>
      <p className="muted small">
        Entity {s.entityId} · {s.mentions} mentions · {s.countries.join(', ') || 'no country'}
      </p>
      <dl>
        <dt>Identifiers</dt>
        <dd>{s.identifiers.join(', ') || '—'}</dd>
        <dt>Names</dt>
        <dd>
          <ul>
            {s.names.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </dd>
        <dt>Trades with</dt>
        <dd>{s.counterparties.join('; ') || '—'}</dd>
        <dt>Records</dt>
        <dd>
          <ul>
            {s.examples.map((e) => (
              <li key={`${e.recordId}-${e.role}`} className="small">
                {e.date ?? 'no date'} · {e.role} · import {e.importId} row {e.row}: {e.description ?? ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
