import type { BriefContent, BriefSummary, BriefVersion, Finding } from '../../../shared/domain/briefs';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  generated_from: string | null;
  version: number;
  title: string;
  author: string;
  summary: string;
  findings: string;
  diagrams: string;
  saved_at: string;
  saved_by: string;
  brief_date: string | null;
}

const SELECT = `SELECT b.id, b.generated_from, v.version, v.title, v.author, v.summary, v.findings, v.diagrams,
  v.saved_at, v.saved_by, v.brief_date FROM briefs b JOIN brief_versions v ON v.brief_id = b.id`;
const LATEST = 'v.version = (SELECT max(version) FROM brief_versions WHERE brief_id = b.id)';

const toSummary = (r: Row): BriefSummary => ({
  id: r.id,
  title: r.title,
  version: r.version,
  savedAt: r.saved_at,
  savedBy: r.saved_by,
  generatedFrom: r.generated_from === null ? null : (JSON.parse(r.generated_from) as number[]),
});

const toVersion = (r: Row): BriefVersion => ({
  ...toSummary(r),
  content: {
    title: r.title,
    author: r.author,
    ...(r.brief_date === null ? {} : { date: r.brief_date }),
    summary: r.summary,
    findings: JSON.parse(r.findings) as Finding[],
    diagrams: JSON.parse(r.diagrams) as number[],
  },
});

/** Every brief at its latest version, the most recently saved first. */
export function listBriefs(db: ReadDb): BriefSummary[] {
  return (db.prepare(`${SELECT} WHERE ${LATEST} ORDER BY v.saved_at DESC, b.id DESC`).all() as Row[]).map(toSummary);
}

/** A brief at a version (default: its latest), or null. */
export function getBriefVersion(db: ReadDb, id: number, version?: number): BriefVersion | null {
  const r = (
    version === undefined
      ? db.prepare(`${SELECT} WHERE b.id = ? AND ${LATEST}`).get(id)
      : db.prepare(`${SELECT} WHERE b.id = ? AND v.version = ?`).get(id, version)
  ) as Row | undefined;
  return r ? toVersion(r) : null;
}

/** The default brief generated from exactly these diagrams (in this order), if one was. */
export function findGeneratedBrief(db: ReadDb, diagrams: number[]): number | null {
  const r = db
    .prepare('SELECT id FROM briefs WHERE generated_from = ? ORDER BY id LIMIT 1')
    .get(JSON.stringify(diagrams)) as { id: number } | undefined;
  return r?.id ?? null;
}

export function insertBrief(db: WriteDb, actor: string, at: string, generatedFrom: number[] | null): number {
  return Number(
    db
      .prepare('INSERT INTO briefs (generated_from, created_at, created_by) VALUES (?, ?, ?)')
      .run(generatedFrom ? JSON.stringify(generatedFrom) : null, at, actor).lastInsertRowid,
  );
}

export function insertBriefVersion(
  db: WriteDb,
  briefId: number,
  version: number,
  c: BriefContent,
  at: string,
  actor: string,
): void {
  db.prepare(
    `INSERT INTO brief_versions (brief_id, version, title, author, summary, findings, diagrams, saved_at, saved_by, brief_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    briefId,
    version,
    c.title,
    c.author,
    c.summary,
    JSON.stringify(c.findings),
    JSON.stringify(c.diagrams),
    at,
    actor,
    c.date ?? null,
  );
}
