import type { DiagramFilters, DiagramSummary, NameScript, Viewport } from '../../../shared/domain/diagrams';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  name: string;
  viewport: string;
  date_from: string | null;
  date_to: string | null;
  hs_chapters: string;
  name_script: NameScript;
  history_position: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface DiagramRecord {
  id: number;
  name: string;
  viewport: Viewport;
  filters: DiagramFilters;
  nameScript: NameScript;
  historyPosition: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

const toDiagram = (r: Row): DiagramRecord => ({
  id: r.id,
  name: r.name,
  viewport: JSON.parse(r.viewport) as Viewport,
  filters: { dateFrom: r.date_from, dateTo: r.date_to, hsChapters: JSON.parse(r.hs_chapters) as string[] },
  nameScript: r.name_script,
  historyPosition: r.history_position,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

export function insertDiagram(db: WriteDb, name: string, filters: DiagramFilters, actor: string): number {
  const now = new Date().toISOString();
  return Number(
    db
      .prepare(
        'INSERT INTO diagrams (name, date_from, date_to, hs_chapters, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(name, filters.dateFrom, filters.dateTo, JSON.stringify(filters.hsChapters), now, actor, now).lastInsertRowid,
  );
}

export function getDiagram(db: ReadDb, id: number): DiagramRecord | null {
  const r = db.prepare('SELECT * FROM diagrams WHERE id = ?').get(id) as Row | undefined;
  return r ? toDiagram(r) : null;
}

export function listDiagrams(db: ReadDb): DiagramSummary[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.created_at, d.updated_at,
         (SELECT count(*) FROM diagram_nodes n WHERE n.diagram_id = d.id) AS nodes,
         (SELECT count(*) FROM diagram_edges e WHERE e.diagram_id = d.id) AS edges
       FROM diagrams d ORDER BY d.id`,
    )
    .all() as { id: number; name: string; created_at: string; updated_at: string; nodes: number; edges: number }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nodes: r.nodes,
    edges: r.edges,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function renameDiagram(db: WriteDb, id: number, name: string): void {
  db.prepare('UPDATE diagrams SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
}

export function setDiagramFilters(db: WriteDb, id: number, f: DiagramFilters): void {
  db.prepare('UPDATE diagrams SET date_from = ?, date_to = ?, hs_chapters = ?, updated_at = ? WHERE id = ?').run(
    f.dateFrom,
    f.dateTo,
    JSON.stringify(f.hsChapters),
    new Date().toISOString(),
    id,
  );
}

export function setNameScript(db: WriteDb, id: number, script: NameScript): void {
  db.prepare('UPDATE diagrams SET name_script = ?, updated_at = ? WHERE id = ?').run(
    script,
    new Date().toISOString(),
    id,
  );
}

export function setViewport(db: WriteDb, id: number, v: Viewport): void {
  db.prepare('UPDATE diagrams SET viewport = ? WHERE id = ?').run(JSON.stringify({ x: v.x, y: v.y, zoom: v.zoom }), id);
}

/** Where the diagram stands in its history (the last command applied), and that it changed now. */
export function setHistoryPosition(db: WriteDb, id: number, position: number): void {
  db.prepare('UPDATE diagrams SET history_position = ?, updated_at = ? WHERE id = ?').run(
    position,
    new Date().toISOString(),
    id,
  );
}

/** Removes the diagram with its nodes, edges, history and the notes on its nodes and edges (links stay: they are the case's). */
export function deleteDiagram(db: WriteDb, id: number): void {
  db.prepare(
    `DELETE FROM annotations WHERE (target = 'node' AND target_id IN (SELECT id FROM diagram_nodes WHERE diagram_id = ?))
       OR (target = 'edge' AND target_id IN (SELECT id FROM diagram_edges WHERE diagram_id = ?))`,
  ).run(id, id);
  db.prepare('DELETE FROM diagram_edges WHERE diagram_id = ?').run(id);
  db.prepare('UPDATE diagram_nodes SET parent_id = NULL WHERE diagram_id = ?').run(id);
  db.prepare('DELETE FROM diagram_nodes WHERE diagram_id = ?').run(id);
  db.prepare('DELETE FROM diagram_history WHERE diagram_id = ?').run(id);
  db.prepare('DELETE FROM diagrams WHERE id = ?').run(id);
}
