import type { Mapping, PresetInfo } from '../../../shared/domain/records';
import type { ReadDb, WriteDb } from './types';

export function saveMapping(db: WriteDb, name: string, mapping: Mapping, actor: string): PresetInfo {
  db.prepare(
    `INSERT INTO saved_mappings (name, mapping, saved_at, saved_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
  ).run(name, JSON.stringify(mapping), new Date().toISOString(), actor);
  return { name, label: name, origin: 'saved', mapping };
}

export function getSavedMapping(db: ReadDb, name: string): Mapping | null {
  const row = db.prepare('SELECT mapping FROM saved_mappings WHERE name = ?').get(name) as
    { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as Mapping) : null;
}

export function listSavedMappings(db: ReadDb): PresetInfo[] {
  const rows = db.prepare('SELECT name, mapping FROM saved_mappings ORDER BY name').all() as {
    name: string;
    mapping: string;
  }[];
  return rows.map((r) => ({
    name: r.name,
    label: r.name,
    origin: 'saved' as const,
    mapping: JSON.parse(r.mapping) as Mapping,
  }));
}
