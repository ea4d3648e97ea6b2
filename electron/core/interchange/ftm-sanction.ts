/**
 * A screening hit that stands (confirmed, or open for review) as an FtM
 * `Sanction`: the case's company it names as `entity`, with the list's
 * authority, the entry's id, programs and listing date, and the list's
 * files as `proof`. Its id is the company's and the list entry's, not the
 * hit's: a re-screen or a newer version of the list names it the same.
 */
import { createHash } from 'node:crypto';
import type { ExportHit } from '../db/screening-hits';
import type { FtmEntity, FtmId } from './ftm-schema';

export function sanctionEntity(hit: ExportHit, company: number, id: FtmId): FtmEntity {
  const key = createHash('sha1').update(`${hit.listId}\u0000${hit.externalId}`).digest('hex').slice(0, 16);
  const status = hit.status === 'confirmed' ? 'confirmed by review' : 'screening hit, open for review';
  const listed = hit.listedOn && /^\d{4}-\d{2}-\d{2}/.test(hit.listedOn) ? hit.listedOn.slice(0, 10) : null;
  const properties: Record<string, string[]> = {
    entity: [id('entity', company)],
    authority: [hit.authority || hit.listName],
    authorityId: [hit.externalId],
    status: [status],
    summary: [
      `${hit.listName} as of ${hit.asOf}: “${hit.entryName}” (${hit.externalId}), screening score ${hit.score.toFixed(2)}, ${status}.`,
    ],
    publisher: [hit.listName],
  };
  if (hit.programs.length) properties.program = [...new Set(hit.programs)];
  if (listed) properties.listingDate = [listed];
  if (hit.remarks.trim()) properties.description = [hit.remarks.trim()];
  if (hit.sourceIds.length) properties.proof = hit.sourceIds.map((s) => id('source', s));
  return { id: id('sanction', `${company}-${key}`), schema: 'Sanction', properties };
}
