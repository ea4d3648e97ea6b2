import type { ReadDb, WriteDb } from './types';

/**
 * One mention (record and role) per entity a diagram or link points at,
 * chosen when it is first pointed at: a mention of its most-mentioned name.
 * Merges and their undo keep entity ids, but an entity can leave the case and
 * come back under another id: its records deleted and restored (or imported
 * again), then resolved. This mention's name is in the entity that came
 * back, so the node or link finds it again.
 */
export function ensureAnchor(db: WriteDb, entityId: number): void {
  const known = db.prepare('SELECT 1 FROM entity_anchors WHERE entity_id = ?').get(entityId);
  if (known) return;
  const nameId = db
    .prepare('SELECT id FROM mention_names WHERE entity_id = ? ORDER BY mentions DESC, id LIMIT 1')
    .pluck()
    .get(entityId) as number | undefined;
  if (nameId === undefined) return;
  const mention = db
    .prepare('SELECT record_id, role FROM mentions WHERE name_id = ? ORDER BY record_id LIMIT 1')
    .get(nameId) as { record_id: number; role: string } | undefined;
  if (!mention) return;
  db.prepare('INSERT INTO entity_anchors (entity_id, record_id, role) VALUES (?, ?, ?)').run(
    entityId,
    mention.record_id,
    mention.role,
  );
}

/** The entity the anchor mention of an entity is in now, or null (no anchor, or its record is gone). */
export function anchoredEntity(db: ReadDb, entityId: number): number | null {
  const id = db
    .prepare(
      `SELECT nm.entity_id FROM entity_anchors a
       JOIN mentions m ON m.record_id = a.record_id AND m.role = a.role
       JOIN mention_names nm ON nm.id = m.name_id
       WHERE a.entity_id = ?`,
    )
    .pluck()
    .get(entityId) as number | null | undefined;
  return id ?? null;
}
