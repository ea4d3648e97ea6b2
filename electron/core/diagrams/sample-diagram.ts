/**
 * The diagram the sample case opens with: Poly Technologies → JSC Ulan-Ude
 * Aviation Plant, with AVIC International → United Engine Corporation beside
 * it, each pair with the shipment edges its records show (both ways), and
 * the article that reported them. The entities are found by name after the
 * sample's resolve (ids depend on the run); a decoy with a similar name
 * (Poly Technology Development, Ulan-Ude Locomotive Repair Plant, UEC-Saturn…)
 * never matches these spellings.
 */
import { entitiesFound } from '../search/entity-match';
import type { DiagramOp } from '../../../shared/api/diagrams';
import { appendAudit } from '../db/audit-log';
import { listDocuments } from '../db/documents';
import { listEntities } from '../db/entities';
import type { WriteDb } from '../db/types';
import { applyOps } from './history';
import { createDiagram } from './neighbourhood';
import { shipmentsAmongLive } from './shipments';

export const SAMPLE_DIAGRAM_NAME = 'Poly Technologies → Ulan-Ude Aviation Plant';

/** Spellings to look for, tried in order (LIKE ignores case for Latin letters only, so Latin ones come first). */
const SAMPLE_ENTITIES = {
  poly: ['Poly Technologies', 'Baoli Keji Youxian', '保利科技有限公司'],
  uuaz: ['Ulan-Ude Aviation', 'Ulan Ude Aviation', 'авиационный завод'],
  avic: ['AVIC International', 'AVIC Intl', '中国航空技术国际'],
  uec: ['United Engine Corp', 'dvigatelestroitelnaya korporatsiya', 'двигателестроительная корпорация'],
};

/** The entity most often named by the first spelling found. */
function findEntity(db: WriteDb, spellings: string[]): number | null {
  for (const s of spellings) {
    const found = listEntities(db, entitiesFound(db, s), 1, 0)[0];
    if (found) return found.id;
  }
  return null;
}

export function addSampleDiagram(db: WriteDb, actor: string): number {
  const id = createDiagram(db, SAMPLE_DIAGRAM_NAME, undefined, actor);
  const pairs = [
    [findEntity(db, SAMPLE_ENTITIES.poly), findEntity(db, SAMPLE_ENTITIES.uuaz)],
    [findEntity(db, SAMPLE_ENTITIES.avic), findEntity(db, SAMPLE_ENTITIES.uec)],
  ];
  const ops: DiagramOp[] = [];
  const temp = new Map<number, number>();
  pairs.forEach((pair, row) =>
    pair.forEach((entity, col) => {
      if (entity === null || temp.has(entity)) return;
      temp.set(entity, -(temp.size + 1));
      ops.push({ op: 'addNode', tempId: temp.get(entity)!, kind: 'entity', ref: entity, x: col * 420, y: row * 200 });
    }),
  );
  for (const s of shipmentsAmongLive(db, [...temp.keys()]).values()) {
    const inPair = pairs.some((p) => p.includes(s.source) && p.includes(s.target));
    if (inPair) ops.push({ op: 'addEdge', kind: 'shipment', source: temp.get(s.source)!, target: temp.get(s.target)! });
  }
  const article = listDocuments(db).find((d) => /china-russia-defense-trade-article/.test(d.fileName));
  if (article) ops.push({ op: 'addNode', kind: 'document', ref: article.id, x: 840, y: 100 });
  if (ops.length) applyOps(db, id, ops, actor);
  appendAudit(db, actor, 'diagrams.create', { name: SAMPLE_DIAGRAM_NAME, sample: true });
  return id;
}
