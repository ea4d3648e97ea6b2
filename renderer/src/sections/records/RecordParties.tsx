import { useEffect, useState } from 'react';
import type { MentionRow } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { SanctionsBadge, useSanctionHits } from '../../components/SanctionsBadge';

const ROLE_LABELS: Record<string, string> = {
  shipper: 'Shipper',
  consignee: 'Consignee',
  notify: 'Notify party',
  producer: 'Producer',
};
const ROLE_ORDER = Object.keys(ROLE_LABELS);

/**
 * The parties a record names, each as written and linked to the entity it
 * was resolved to: from a row's provenance, one click to the company and its
 * other records (a name that names nobody yet says so).
 */
export function RecordParties({ recordId }: { recordId: number }) {
  const [parties, setParties] = useState<{ recordId: number; rows: MentionRow[] } | null>(null);
  useEffect(() => {
    let live = true;
    void client
      .call('mentions.list', { recordId })
      .then((r) => live && setParties({ recordId, rows: r.ok ? r.value : [] }));
    return () => {
      live = false;
    };
  }, [recordId]);
  // One call for the record's parties, not one per party.
  const hits = useSanctionHits(
    parties?.recordId === recordId ? parties.rows.flatMap((m) => (m.entityId !== null ? [m.entityId] : [])) : [],
  );
  if (parties?.recordId !== recordId || parties.rows.length === 0) return null;
  const rows = [...parties.rows].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return (
    <section className="parties" aria-label="Parties">
      <h4>Parties</h4>
      <dl>
        {rows.map((m) => (
          <div key={m.role} className="kv" data-role={m.role}>
            <dt>{ROLE_LABELS[m.role] ?? m.role}</dt>
            <dd>
              {m.entityId !== null ? (
                <>
                  <a href={`#/entities/${m.entityId}`} title={`Open entity ${m.entityId}`}>
                    {m.rawName}
                  </a>
                  <SanctionsBadge summary={hits.get(m.entityId) ?? null} />
                </>
              ) : (
                <>
                  {m.rawName} <span className="muted small">(not resolved to an entity)</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
