/**
 * Links drawn on a diagram: a link is the case's (briefs and every diagram
 * can show it), created together with the edge that draws it so that one
 * undo takes both away. Its evidence must exist when cited; later deletions
 * show as missing evidence, never as a broken link.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import type { Link } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { insertEdge, type EdgeRecord } from '../db/diagram-edges';
import { ensureAnchor } from '../db/entity-anchors';
import { getExcerpt } from '../db/excerpts';
import { getLink, insertLink, listLinks, type LinkRecord } from '../db/links';
import { existingRecordIds } from '../db/shipments';
import type { ReadDb } from '../db/types';
import type { LiveEntity } from './live-entities';
import type { OpContext } from './op-context';

export function linkState(db: ReadDb, id: number): LinkRecord {
  const l = getLink(db, id);
  if (!l) throw new CustodianError('not_found', `There is no link ${id} in this case.`);
  return l;
}

/** Refuses evidence that is not in the case. */
export function checkEvidence(db: ReadDb, records: readonly number[], excerpts: readonly number[]): void {
  const found = existingRecordIds(db, records);
  const record = records.find((r) => !found.has(r));
  if (record !== undefined) throw new CustodianError('not_found', `There is no record ${record} in this case.`);
  const excerpt = excerpts.find((x) => !getExcerpt(db, x));
  if (excerpt !== undefined) throw new CustodianError('not_found', `There is no excerpt ${excerpt} in this case.`);
}

export function createLinkRows(
  ctx: OpContext,
  op: Extract<DiagramOp, { op: 'createLink' }>,
  sourceEntity: number,
  targetEntity: number,
  sourceNode: number,
  targetNode: number,
): { link: LinkRecord; edge: EdgeRecord } {
  if (op.type === 'custom' && !op.customLabel?.trim())
    throw new CustodianError('invalid_input', 'A custom link needs its label (customLabel).');
  const records = [...new Set(op.records ?? [])];
  const excerpts = [...new Set(op.excerpts ?? [])];
  checkEvidence(ctx.db, records, excerpts);
  ensureAnchor(ctx.db, sourceEntity);
  ensureAnchor(ctx.db, targetEntity);
  const now = new Date().toISOString();
  const row: Omit<LinkRecord, 'id'> = {
    sourceEntity,
    targetEntity,
    type: op.type,
    customLabel: op.type === 'custom' ? op.customLabel!.trim() : null,
    grade: op.grade,
    note: op.note ?? '',
    records,
    excerpts,
    createdAt: now,
    createdBy: ctx.actor,
    updatedAt: now,
  };
  const link = { ...row, id: insertLink(ctx.db, row) };
  const edgeRow: Omit<EdgeRecord, 'id'> = {
    diagramId: ctx.diagramId,
    kind: 'link',
    source: sourceNode,
    target: targetNode,
    linkId: link.id,
    label: null,
    style: {},
  };
  return { link, edge: { ...edgeRow, id: insertEdge(ctx.db, edgeRow) } };
}

/** A link as shown: its entities as they are now, each piece of evidence marked when it is gone. */
export function linkView(db: ReadDb, l: LinkRecord, live: (id: number) => LiveEntity | null): Link {
  const records = existingRecordIds(db, l.records);
  return {
    id: l.id,
    sourceEntity: live(l.sourceEntity)?.id ?? l.sourceEntity,
    targetEntity: live(l.targetEntity)?.id ?? l.targetEntity,
    type: l.type,
    customLabel: l.customLabel,
    grade: l.grade,
    note: l.note,
    evidence: [
      ...l.records.map((id) => ({
        kind: 'record' as const,
        id,
        ...(records.has(id) ? {} : { missing: true as const }),
      })),
      ...l.excerpts.map((id) => ({
        kind: 'excerpt' as const,
        id,
        ...(getExcerpt(db, id) ? {} : { missing: true as const }),
      })),
    ],
    createdAt: l.createdAt,
    createdBy: l.createdBy,
    updatedAt: l.updatedAt,
  };
}

/** Every link, or those touching an entity (as it is now). */
export function linksOf(db: ReadDb, live: (id: number) => LiveEntity | null, entityId?: number): Link[] {
  const all = listLinks(db).map((l) => linkView(db, l, live));
  if (entityId === undefined) return all;
  const target = live(entityId)?.id ?? entityId;
  return all.filter((l) => l.sourceEntity === target || l.targetEntity === target);
}
