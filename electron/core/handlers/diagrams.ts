import type { DiagramsMethods } from '../../../shared/api/diagrams';
import { annotationsOn, deleteAnnotation, getAnnotation, insertAnnotation, setAnnotationText } from '../db/annotations';
import { deleteDiagram, listDiagrams, setViewport } from '../db/diagrams';
import { expandNode, layoutDiagram, nodeCounterparties } from '../diagrams/expand';
import { applyCommand, mustDiagram, redo, undo } from '../diagrams/history';
import { linkState, linkView, linksOf } from '../diagrams/link-ops';
import { liveEntities } from '../diagrams/live-entities';
import { buildNeighbourhoodDiagram, createDiagram, neighbourhoodRoot } from '../diagrams/neighbourhood';
import { caseAnnotation, checkAnnotationTarget } from '../diagrams/annotations';
import { addRecordsToDiagram } from '../diagrams/add-records';
import { pasteNodes } from '../diagrams/paste';
import { aggregateShipments } from '../diagrams/shipments';
import { diagramTimeline, entityTimeline } from '../diagrams/timeline';
import { diagramView } from '../diagrams/view';
import { checkedJob, type Handlers } from './types';

export const diagramsHandlers: Handlers<DiagramsMethods> = {
  'diagrams.list': ({ session }) => listDiagrams(session.db),
  'diagrams.get': ({ session }, { id, quick }) => diagramView(session.db, id, { quick }),
  'diagrams.create': ({ core, session }, { name, filters }) =>
    diagramView(session.db, createDiagram(session.db, name, filters, core.actor)),
  'diagrams.neighbourhood': checkedJob<'diagrams.neighbourhood'>(
    ({ session }, { entityId }) => void neighbourhoodRoot(session.db, entityId),
    ({ session, actor }, input, control) => buildNeighbourhoodDiagram(session.db, input, actor, control),
  ),
  'diagrams.update': ({ session }, { id, viewport }) => {
    mustDiagram(session.db, id);
    setViewport(session.db, id, viewport);
    return diagramView(session.db, id);
  },
  'diagrams.delete': ({ session }, { id }) => {
    mustDiagram(session.db, id);
    deleteDiagram(session.db, id);
    return null;
  },
  'diagrams.apply': ({ core, session }, { id, ops, label }) => {
    const created = applyCommand(session.db, id, ops, core.actor, label);
    return { view: diagramView(session.db, id), created };
  },
  'diagrams.undo': ({ session }, { id }) => {
    undo(session.db, id);
    return { view: diagramView(session.db, id), created: {} };
  },
  'diagrams.redo': ({ session }, { id }) => {
    redo(session.db, id);
    return { view: diagramView(session.db, id), created: {} };
  },
  'diagrams.counterparties': ({ session }, { id, nodeId, limit }) => nodeCounterparties(session.db, id, nodeId, limit),
  'diagrams.expand': ({ core, session }, { id, nodeId, entityIds }) =>
    expandNode(session.db, id, nodeId, entityIds, core.actor),
  'diagrams.addRecords': ({ core, session }, { id, recordIds }) =>
    addRecordsToDiagram(session.db, id, recordIds, core.actor),
  'diagrams.paste': ({ core, session }, input) => pasteNodes(session.db, input, core.actor),
  'diagrams.layout': ({ core, session }, { id }) => layoutDiagram(session.db, id, core.actor),
  'diagrams.shipments': ({ session }, { entityIds, filters }) => aggregateShipments(session.db, entityIds, filters),
  'diagrams.timeline': ({ session }, { id, entityId, maxLanes }) =>
    id !== undefined ? diagramTimeline(session.db, id, maxLanes) : entityTimeline(session.db, entityId!, maxLanes),
  'links.list': ({ session }, { entityId }) => linksOf(session.db, liveEntities(session.db), entityId),
  'links.get': ({ session }, { id }) => linkView(session.db, linkState(session.db, id), liveEntities(session.db)),
  'annotations.list': ({ session }, { target, targetId }) => annotationsOn(session.db, target, targetId),
  'annotations.create': ({ core, session }, { target, targetId, text }) => {
    checkAnnotationTarget(session.db, target, targetId);
    const now = new Date().toISOString();
    const id = insertAnnotation(session.db, {
      target,
      targetId,
      text,
      createdAt: now,
      createdBy: core.actor,
      updatedAt: now,
    });
    return getAnnotation(session.db, id)!;
  },
  'annotations.update': ({ session }, { id, text }) => {
    caseAnnotation(session.db, id);
    setAnnotationText(session.db, id, text);
    return getAnnotation(session.db, id)!;
  },
  'annotations.delete': ({ session }, { id }) => {
    caseAnnotation(session.db, id);
    deleteAnnotation(session.db, id);
    return null;
  },
};
