import { useEffect, useState } from 'react';
import type { EntityHitSummary } from '../../../shared/domain/screening';
import { client } from '../api/client';
import { useApp } from '../state/store';
import './sanctions-badge.css';

/**
 * Marks an entity that the latest screening found on a sanctions list:
 * red "Sanctioned" once a hit is confirmed, amber "Possible sanctions hit"
 * while hits wait for review, nothing when every hit was a false positive
 * (or there is none). Place it wherever an entity shows: records, entity
 * page, diagrams, search. Give it the summary when a view fetched many at
 * once (`useSanctionHits`), or only the entity id.
 */
export function SanctionsBadge({ entityId, summary }: { entityId?: number; summary?: EntityHitSummary | null }) {
  const fetched = useSanctionHits(summary === undefined && entityId !== undefined ? [entityId] : []);
  const s = summary ?? (entityId !== undefined ? fetched.get(entityId) : undefined);
  if (!s || (s.confirmed === 0 && s.open === 0)) return null;
  const confirmed = s.confirmed > 0;
  const programs = s.programs.length ? ` · ${s.programs.join(', ')}` : '';
  const title = confirmed
    ? `Confirmed on a sanctions list${programs}`
    : `${s.open} screening hit${s.open === 1 ? '' : 's'} to review (best score ${s.topScore.toFixed(2)})${programs}`;
  return (
    <span className={`sanctions-badge ${confirmed ? 'confirmed' : 'open'}`} title={title} aria-label={title}>
      {confirmed ? 'Sanctioned' : 'Possible sanctions hit'}
    </span>
  );
}

/** The latest screening's hit summaries of the given entities, by entity id (refetched when the case changes). */
export function useSanctionHits(entityIds: readonly number[]): Map<number, EntityHitSummary> {
  const revision = useApp((s) => s.revision);
  const [byId, setById] = useState(new Map<number, EntityHitSummary>());
  const key = entityIds.join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    void client.call('hits.summary', { entityIds: key.split(',').map(Number) }).then((r) => {
      if (live && r.ok) setById(new Map(r.value.map((s) => [s.entityId, s])));
    });
    return () => void (live = false);
  }, [key, revision]);
  return byId;
}
