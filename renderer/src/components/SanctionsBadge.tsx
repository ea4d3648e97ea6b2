import { useEffect, useMemo, useState } from 'react';
import type { EntityHitSummary } from '../../../shared/domain/screening';
import { client } from '../api/client';
import { formatRoute } from '../router';
import { useApp } from '../state/store';
import './sanctions-badge.css';

/** The Lists section's hits of one entity: where a badge leads. */
export const entityHitsRoute = (entityId: number): string =>
  formatRoute({ section: 'lists', path: [], params: { entity: String(entityId) } });

/**
 * Marks an entity that the latest screening found on a sanctions list:
 * red "Sanctioned" once a hit is confirmed, amber "Possible sanctions hit"
 * while hits wait for review, nothing when every hit was a false positive
 * (or there is none). It links to the entity's hits. Place it wherever an
 * entity shows: records, entity page, diagrams, search. Give it the summary
 * when a view fetched many at once (`useSanctionHits`, `useRecordPartyHits`:
 * one call per view), or only the entity id. `compact` is for table cells.
 */
export function SanctionsBadge({
  entityId,
  summary,
  compact = false,
}: {
  entityId?: number;
  summary?: EntityHitSummary | null | undefined;
  compact?: boolean;
}) {
  const fetched = useSanctionHits(summary === undefined && entityId !== undefined ? [entityId] : []);
  const s = summary ?? (entityId !== undefined ? fetched.get(entityId) : undefined);
  if (!s || (s.confirmed === 0 && s.open === 0)) return null;
  const confirmed = s.confirmed > 0;
  const programs = s.programs.length ? ` · ${s.programs.join(', ')}` : '';
  const title = confirmed
    ? `Confirmed on a sanctions list${programs}. Open the hits.`
    : `${s.open} screening hit${s.open === 1 ? '' : 's'} to review (best score ${s.topScore.toFixed(2)})${programs}. Open the hits.`;
  const label = confirmed ? 'Sanctioned' : compact ? 'Possible hit' : 'Possible sanctions hit';
  return (
    <a
      className={`sanctions-badge ${confirmed ? 'confirmed' : 'open'}${compact ? ' compact' : ''}`}
      href={entityHitsRoute(s.entityId)}
      title={title}
      aria-label={`${label}: ${title}`}
      data-entity-id={s.entityId}
      // Inside a clickable row or node the badge opens the hits, not the row.
      onClick={(e) => e.stopPropagation()}
    >
      {label}
    </a>
  );
}

/** The latest screening's hit summaries of the given entities, by entity id (one call; refetched when the case changes). */
export function useSanctionHits(entityIds: readonly number[]): Map<number, EntityHitSummary> {
  const revision = useApp((s) => s.revision);
  const [byId, setById] = useState(new Map<number, EntityHitSummary>());
  const key = [...new Set(entityIds)].sort((a, b) => a - b).join(',');
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

/** Per record, its parties with hits by role (shipper, consignee…). */
export type RecordPartyHitMap = ReadonlyMap<number, Readonly<Record<string, EntityHitSummary>>>;

/**
 * The parties with hits of the given records, in one call for all of them
 * (a table asks for the rows it shows, not row by row). Each record's
 * object keeps its identity until the next answer, so memoised rows do not
 * redraw.
 */
export function useRecordPartyHits(recordIds: readonly number[]): RecordPartyHitMap {
  const revision = useApp((s) => s.revision);
  const [answer, setAnswer] = useState<{ key: string; map: RecordPartyHitMap }>({ key: '', map: new Map() });
  const key = useMemo(() => [...new Set(recordIds)].sort((a, b) => a - b).join(','), [recordIds]);
  useEffect(() => {
    if (!key) return;
    let live = true;
    void client.call('hits.records', { recordIds: key.split(',').map(Number) }).then((r) => {
      if (!live || !r.ok) return;
      const map = new Map<number, Record<string, EntityHitSummary>>();
      for (const p of r.value) map.set(p.recordId, { ...map.get(p.recordId), [p.role]: p.summary });
      setAnswer({ key, map });
    });
    return () => void (live = false);
  }, [key, revision]);
  return answer.map;
}
