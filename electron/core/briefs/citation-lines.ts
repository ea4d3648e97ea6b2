/**
 * The composer's line for each piece of evidence a brief cites, by name as
 * the case holds it now: "Poly Technologies → Ulan-Ude Aviation Plant
 * (supplier of, tentative)", "Poly Technologies ~ POLY TECHNOLOGIES INC
 * (OFAC SDN, NONPROLIFERATION)". One call answers for a whole brief, so the
 * composer asks once rather than once per citation (and per name).
 */
import { citationKey, type Citation } from '../../../shared/domain/briefs';
import { describeRecordFilter } from '../../../shared/domain/record-filter-words';
import { getDiagram } from '../db/diagrams';
import { getDocument } from '../db/documents';
import { getEntity } from '../db/entities';
import { getExcerpt } from '../db/excerpts';
import { getImport } from '../db/imports';
import { getLink } from '../db/links';
import { countRecords } from '../db/records';
import { getHit } from '../db/screening-hits';
import type { ReadDb } from '../db/types';
import { liveEntities } from '../diagrams/live-entities';
import { recordFilter } from '../search/record-match';

const GONE = '[source removed]';

/** A link's kind in words: `supplier_of` → "supplier of"; a custom link by its own label. */
export const linkTypeWords = (l: { type: string; customLabel: string | null }): string =>
  l.type === 'custom' ? (l.customLabel ?? 'linked to') : l.type.replace(/_/g, ' ');

const idList = (ids: number[]) =>
  ids.length <= 6 ? ids.map((id) => `#${id}`).join(', ') : `#${ids[0]} … #${ids[ids.length - 1]}`;

export function citationLines(db: ReadDb, citations: Citation[]): Record<string, string> {
  const live = liveEntities(db);
  const entityName = (id: number) => live(id)?.name ?? getEntity(db, id)?.name ?? `entity #${id}`;

  const line = (c: Citation): string => {
    switch (c.kind) {
      case 'records':
        return `${c.label ?? `${c.ids.length} customs record${c.ids.length === 1 ? '' : 's'}`} (${idList(c.ids)})`;
      case 'filter': {
        const words = describeRecordFilter(c.filter, {
          importName: (id) => getImport(db, id)?.fileName ?? null,
          entityName: (id) => getEntity(db, id)?.name ?? null,
        });
        const count = countRecords(db, recordFilter(db, c.filter));
        return `Saved filter: ${c.label ?? words} — ${count.toLocaleString('en-US')} records now`;
      }
      case 'excerpt': {
        const e = getExcerpt(db, c.id);
        const doc = e && getDocument(db, e.documentId);
        return e && doc ? `Excerpt, ${doc.title}, page ${e.page}: “${e.quote}”` : `Excerpt #${c.id} ${GONE}`;
      }
      case 'link': {
        const l = getLink(db, c.id);
        if (!l) return `Link #${c.id} ${GONE}`;
        return `${entityName(l.sourceEntity)} → ${entityName(l.targetEntity)} (${linkTypeWords(l)}, ${l.grade})`;
      }
      case 'diagram': {
        const d = getDiagram(db, c.id);
        return d ? `Diagram: ${d.name}` : `Diagram #${c.id} ${GONE}`;
      }
      case 'hit': {
        const h = getHit(db, c.id);
        if (!h) return `Screening hit #${c.id} ${GONE}`;
        const programs = h.programs.length ? `, ${h.programs.join(', ')}` : '';
        return `${h.entityName} ~ ${h.entryName} (${h.listName}${programs})`;
      }
    }
  };

  const lines: Record<string, string> = {};
  for (const c of citations) lines[citationKey(c)] ??= line(c);
  return lines;
}
