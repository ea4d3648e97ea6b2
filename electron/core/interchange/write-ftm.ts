import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { CustodianError } from '../../../shared/result';
import type { FtmExportResult } from '../../../shared/api/interchange';
import { getMeta } from '../db/case-meta';
import { listDocuments } from '../db/documents';
import { allEntities } from '../db/entities';
import { listExcerpts } from '../db/excerpts';
import {
  allEntityNames,
  countAllRecords,
  entitySurvivors,
  iterateExportRecords,
  listSourceFiles,
} from '../db/interchange';
import { listLinks } from '../db/links';
import { standingHits } from '../db/screening-hits';
import type { ReadDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { sanctionEntity } from './ftm-sanction';
import {
  companyEntity,
  documentEntity,
  ftmIds,
  linkEntity,
  recordEntity,
  sourceEntity,
  type EntityFacts,
  type FtmEntity,
} from './ftm-schema';

const FLUSH_BYTES = 1 << 20;

/**
 * Writes the case as FollowTheMoney JSON lines (ftm-schema.ts says how each
 * kind maps): companies, the source files and documents, one
 * EconomicActivity per customs record, the investigator's links, and a
 * Sanction per screening hit that stands (ftm-sanction.ts). Every
 * reference points at an entity in the same file: a party merged away is
 * written as the entity it was merged into. The file is written beside its
 * name and renamed at the end, so a cancelled or failed export leaves no
 * half file; records stream, so memory stays flat on a big case.
 */
export function writeFtm(db: ReadDb, path: string, control?: JobControl): FtmExportResult {
  const caseId = getMeta(db, 'case_id');
  if (!caseId) throw new CustodianError('bad_case', 'The case has no id to name its entities by.');
  const id = ftmIds(caseId);
  const survivor = entitySurvivors(db);
  const party = (e: number | null) => (e === null ? null : (survivor.get(e) ?? null));
  const links = listLinks(db);
  const linkEnds = new Map(
    links.map((l) => [l.id, { source: party(l.sourceEntity)!, target: party(l.targetEntity)! }]),
  );
  // The companies written: every active one, and any a link still names.
  const wanted = new Set(
    allEntities(db)
      .filter((e) => e.mergedInto === null && e.mentionCount > 0)
      .map((e) => e.id),
  );
  for (const ends of linkEnds.values()) wanted.add(ends.source).add(ends.target);
  // Screening hits that stand name their company as it is now (a merge followed); it is written too.
  const sanctions = standingHits(db).flatMap((h) => {
    const company = party(h.entityId);
    return company === null ? [] : [{ hit: h, company }];
  });
  for (const s of sanctions) wanted.add(s.company);

  const counts: Record<string, number> = {};
  const part = `${path}.part`;
  const fd = openSync(part, 'w');
  let buffer = '';
  const flush = () => {
    if (buffer) writeSync(fd, buffer);
    buffer = '';
  };
  const put = (e: FtmEntity) => {
    counts[e.schema] = (counts[e.schema] ?? 0) + 1;
    buffer += JSON.stringify(e) + '\n';
    if (buffer.length >= FLUSH_BYTES) flush();
  };
  try {
    const names = new Map<number, EntityFacts['names']>();
    for (const n of allEntityNames(db)) {
      if (!names.has(n.entityId)) names.set(n.entityId, []);
      names.get(n.entityId)!.push({ name: n.name, legalForm: n.legalForm });
    }
    for (const e of allEntities(db)) {
      if (wanted.has(e.id)) put(companyEntity({ ...e, names: names.get(e.id) ?? [] }, id));
    }
    for (const s of listSourceFiles(db)) put(sourceEntity(s, id));
    const documents = listDocuments(db);
    for (const d of documents) put(documentEntity(d, id));
    const excerptDocument = new Map(listExcerpts(db).map((x) => [x.id, x.documentId]));
    for (const l of links) {
      const proof = [...new Set(l.excerpts.map((x) => excerptDocument.get(x)).filter((d) => d !== undefined))];
      put(linkEntity(l, linkEnds.get(l.id)!, proof, id));
    }
    // One Sanction per company and list entry: two merged companies' hits on one entry are one.
    const written = new Set<string>();
    for (const { hit, company } of sanctions) {
      const sanction = sanctionEntity(hit, company, id);
      if (!written.has(sanction.id) && written.add(sanction.id)) put(sanction);
    }
    const total = countAllRecords(db);
    let done = 0;
    for (const r of iterateExportRecords(db)) {
      put(recordEntity(r, party, id));
      if (++done % 5_000 === 0) {
        if (control?.signal.aborted)
          throw new CustodianError('cancelled', 'The export was cancelled; no file was written.');
        control?.progress(done / total, `${done.toLocaleString('en')} of ${total.toLocaleString('en')} records`);
      }
    }
    flush();
    closeSync(fd);
    renameSync(part, path);
  } catch (e) {
    closeSync(fd);
    rmSync(part, { force: true });
    throw e;
  }
  return { path, entities: counts, lines: Object.values(counts).reduce((a, b) => a + b, 0) };
}
