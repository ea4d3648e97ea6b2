import type { BriefContent, BriefVersion } from '../../../shared/domain/briefs';
import { CustodianError } from '../../../shared/result';
import { getBriefVersion, insertBrief, insertBriefVersion } from '../db/briefs';
import { getDiagram } from '../db/diagrams';
import { getExcerpt } from '../db/excerpts';
import { getLink } from '../db/links';
import { getHit } from '../db/screening-hits';
import { existingRecordIds } from '../db/shipments';
import type { ReadDb, WriteDb } from '../db/types';

const sameContent = (a: BriefContent, b: BriefContent) => JSON.stringify(a) === JSON.stringify(b);

export function mustBrief(db: ReadDb, id: number, version?: number): BriefVersion {
  const b = getBriefVersion(db, id, version);
  if (!b)
    throw new CustodianError(
      'not_found',
      version === undefined ? `There is no brief ${id} in this case.` : `Brief ${id} has no version ${version}.`,
    );
  return b;
}

/** Refuses a citation of evidence that is not in the case (once saved, evidence deleted later renders as removed). */
export function checkCitations(db: ReadDb, content: BriefContent): void {
  const missing = (what: string, id: number) =>
    new CustodianError('not_found', `There is no ${what} ${id} in this case.`);
  for (const id of content.diagrams) if (!getDiagram(db, id)) throw missing('diagram', id);
  content.findings.forEach((f) => {
    for (const c of f.citations) {
      if (c.kind === 'records') {
        const found = existingRecordIds(db, c.ids);
        const absent = c.ids.find((id) => !found.has(id));
        if (absent !== undefined) throw missing('record', absent);
      } else if (c.kind === 'excerpt' && !getExcerpt(db, c.id)) throw missing('excerpt', c.id);
      else if (c.kind === 'link' && !getLink(db, c.id)) throw missing('link', c.id);
      else if (c.kind === 'diagram' && !getDiagram(db, c.id)) throw missing('diagram', c.id);
      else if (c.kind === 'hit' && !getHit(db, c.id)) throw missing('screening hit', c.id);
    }
  });
}

/**
 * Saves content as a new brief, or as the next version of brief `id`. Content
 * equal to the latest version's makes no version (so a save, or a default
 * brief generated again from unchanged diagrams, keeps its date and renders
 * to the same bytes). Call inside the caller's transaction.
 */
export function saveBrief(
  db: WriteDb,
  id: number | undefined,
  content: BriefContent,
  actor: string,
  generatedFrom: number[] | null = null,
): BriefVersion {
  checkCitations(db, content);
  const now = new Date().toISOString();
  if (id === undefined) {
    const created = insertBrief(db, actor, now, generatedFrom);
    insertBriefVersion(db, created, 1, content, now, actor);
    return mustBrief(db, created);
  }
  const latest = mustBrief(db, id);
  if (sameContent(latest.content, content)) return latest;
  insertBriefVersion(db, id, latest.version + 1, content, now, actor);
  return mustBrief(db, id);
}
