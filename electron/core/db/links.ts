import type { Grade, LinkType } from '../../../shared/domain/diagrams';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  source_entity: number;
  target_entity: number;
  type: LinkType;
  custom_label: string | null;
  grade: Grade;
  note: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** A stored link between two entities (as stored: merges are followed when it is shown) and what it rests on. */
export interface LinkRecord {
  id: number;
  sourceEntity: number;
  targetEntity: number;
  type: LinkType;
  customLabel: string | null;
  grade: Grade;
  note: string;
  records: number[];
  excerpts: number[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

function withEvidence(db: ReadDb, r: Row): LinkRecord {
  const ev = db.prepare('SELECT kind, ref FROM link_evidence WHERE link_id = ? ORDER BY kind, ref').all(r.id) as {
    kind: 'record' | 'excerpt';
    ref: number;
  }[];
  return {
    id: r.id,
    sourceEntity: r.source_entity,
    targetEntity: r.target_entity,
    type: r.type,
    customLabel: r.custom_label,
    grade: r.grade,
    note: r.note,
    records: ev.filter((e) => e.kind === 'record').map((e) => e.ref),
    excerpts: ev.filter((e) => e.kind === 'excerpt').map((e) => e.ref),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

function writeEvidence(db: WriteDb, linkId: number, records: readonly number[], excerpts: readonly number[]): void {
  db.prepare('DELETE FROM link_evidence WHERE link_id = ?').run(linkId);
  const ins = db.prepare('INSERT OR IGNORE INTO link_evidence (link_id, kind, ref) VALUES (?, ?, ?)');
  for (const r of records) ins.run(linkId, 'record', r);
  for (const e of excerpts) ins.run(linkId, 'excerpt', e);
}

/** Inserts a link with its evidence; under its own id when it has one (an undo putting it back). */
export function insertLink(db: WriteDb, l: Omit<LinkRecord, 'id'> & { id?: number }): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO links (id, source_entity, target_entity, type, custom_label, grade, note, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        l.id ?? null,
        l.sourceEntity,
        l.targetEntity,
        l.type,
        l.customLabel,
        l.grade,
        l.note,
        l.createdAt,
        l.createdBy,
        l.updatedAt,
      ).lastInsertRowid,
  );
  writeEvidence(db, id, l.records, l.excerpts);
  return id;
}

export function getLink(db: ReadDb, id: number): LinkRecord | null {
  const r = db.prepare('SELECT * FROM links WHERE id = ?').get(id) as Row | undefined;
  return r ? withEvidence(db, r) : null;
}

export function listLinks(db: ReadDb): LinkRecord[] {
  return (db.prepare('SELECT * FROM links ORDER BY id').all() as Row[]).map((r) => withEvidence(db, r));
}

/** Writes the link's type, label, grade, note and evidence (an update or its undo). */
export function updateLink(db: WriteDb, l: LinkRecord): void {
  db.prepare('UPDATE links SET type = ?, custom_label = ?, grade = ?, note = ?, updated_at = ? WHERE id = ?').run(
    l.type,
    l.customLabel,
    l.grade,
    l.note,
    l.updatedAt,
    l.id,
  );
  writeEvidence(db, l.id, l.records, l.excerpts);
}

export function deleteLink(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM link_evidence WHERE link_id = ?').run(id);
  db.prepare('DELETE FROM links WHERE id = ?').run(id);
}
