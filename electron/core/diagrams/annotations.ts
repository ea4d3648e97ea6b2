/**
 * Notes on records and entities, kept with the case. Notes on a diagram's
 * nodes and edges are edits of that diagram (`annotate` and friends in
 * `diagrams.apply`), so that its undo covers them; these methods refuse them.
 */
import type { Annotation } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { getAnnotation } from '../db/annotations';
import { getEntity } from '../db/entities';
import { existingRecordIds } from '../db/shipments';
import type { ReadDb } from '../db/types';

export function checkAnnotationTarget(db: ReadDb, target: 'record' | 'entity', id: number): void {
  const there = target === 'record' ? existingRecordIds(db, [id]).has(id) : getEntity(db, id) !== null;
  if (!there) throw new CustodianError('not_found', `There is no ${target} ${id} in this case.`);
}

export function caseAnnotation(db: ReadDb, id: number): Annotation {
  const a = getAnnotation(db, id);
  if (!a) throw new CustodianError('not_found', `There is no note ${id} in this case.`);
  if (a.target === 'node' || a.target === 'edge') {
    throw new CustodianError(
      'invalid_input',
      `Note ${id} is on a diagram's ${a.target}; change it on the diagram (diagrams.apply), where it can be undone.`,
    );
  }
  return a;
}
