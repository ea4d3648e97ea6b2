/**
 * Screening: every live entity — all its names in every script, its
 * identifiers — against every entry of the current version of every list.
 * Candidates come from blocking (entry-index.ts), so 50,000 entities meet
 * a few dozen of 20,000 entries each instead of all of them; each
 * candidate is scored name by name and the best pair kept, with the
 * scorer's reasons. All hits of a run are written in one transaction with
 * the run and its audit entry; reviews live apart and carry over.
 */
import type { ScreeningSummary } from '../../../shared/domain/screening';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { beginImmediate, type HeldTransaction } from '../db/held-transaction';
import { versionEntries } from '../db/sanction-entries';
import { currentVersionIds, getVersion } from '../db/sanction-lists';
import { countReviewedHits, hitWriter, insertRun, setRunHits, type HitWrite } from '../db/screening-hits';
import { screeningSubjects, type ScreeningSubject } from '../db/screening-subjects';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { EntryIndex } from './entry-index';
import { hasWords, prepareScreeningName, SCREENING_THRESHOLD, scoreScreeningPair, type ScreeningName } from './match';

/** Blocks larger than this are ordinary words; an entity meets no entry through them alone. */
const MAX_BLOCK = 400;
/** Entry names scored per entity name, best-ranked by shared rare keys (entry-index.ts). */
const TOP_CANDIDATES = 24;

/**
 * The entries of the given list versions, indexed. Reading 20,000 entries
 * takes a while: it reports progress (the first half of a screening's) and
 * yields now and then so that a cancel reaches it.
 */
export async function loadEntryIndex(
  db: WriteDb,
  versionIds: readonly number[],
  control?: JobControl,
): Promise<EntryIndex> {
  const index = new EntryIndex();
  const total = versionIds.reduce((sum, v) => sum + (getVersion(db, v)?.entries ?? 0), 0);
  let read = 0;
  for (const v of versionIds)
    for (const e of versionEntries(db, v)) {
      index.add(e);
      if (++read % 1000 === 0) {
        await new Promise((r) => setImmediate(r));
        if (control?.signal.aborted) throw cancelled();
        control?.progress((0.5 * read) / Math.max(1, total), `${read.toLocaleString('en')} list entries read`);
      }
    }
  index.finish();
  return index;
}

const cancelled = () => new CustodianError('cancelled', 'The screening was cancelled; nothing was changed.');

interface Best {
  score: number;
  entityName: number;
  entryName: number;
}

/** The hits of one entity: best-scoring name pair per entry at or above the threshold, with reasons. */
export function screenSubject(
  index: EntryIndex,
  subject: ScreeningSubject,
  threshold = SCREENING_THRESHOLD,
): HitWrite[] {
  const names: ScreeningName[] = subject.names.map(prepareScreeningName).filter(hasWords);
  const best = new Map<number, Best>();
  const candidates: number[] = [];
  names.forEach((name, n) => {
    index.candidates(name, MAX_BLOCK, TOP_CANDIDATES, candidates);
    for (const c of candidates) {
      const score = scoreScreeningPair(name, index.names[c]!, index.stats, false).score;
      const entry = index.nameEntry[c]!;
      const b = best.get(entry);
      if (!b || score > b.score) best.set(entry, { score, entityName: n, entryName: c });
    }
  });
  const hits: HitWrite[] = [];
  for (const [entry, b] of best) {
    if (b.score < threshold) continue;
    const s = scoreScreeningPair(names[b.entityName]!, index.names[b.entryName]!, index.stats, true);
    hits.push({
      entityId: subject.id,
      entryId: index.entries[entry]!.id,
      score: b.score,
      entityName: names[b.entityName]!.raw,
      entryName: index.names[b.entryName]!.raw,
      reasons: s.reasons,
    });
  }
  for (const id of subject.identifiers)
    for (const entry of index.entriesWithIdentifier(id)) {
      const e = index.entries[entry]!;
      const hit = hits.find((h) => h.entryId === e.id);
      const reason = `Same identifier ${id}.`;
      if (hit) {
        hit.reasons.unshift(reason);
        hit.score = Math.max(hit.score, 0.95);
      } else
        hits.push({
          entityId: subject.id,
          entryId: e.id,
          score: 0.95,
          entityName: subject.name,
          entryName: e.name,
          reasons: [reason],
        });
    }
  return hits;
}

/**
 * Screens the case in one write transaction: hits are written as each
 * entity is screened (a run of 400,000 hits is never held in memory), and a
 * cancel or error rolls the whole run back. It yields to the event loop
 * every few hundred entities, so that a cancel reaches it.
 */
export async function screenCase(db: WriteDb, actor: string, control?: JobControl): Promise<ScreeningSummary> {
  const versionIds = currentVersionIds(db);
  if (!versionIds.length)
    throw new CustodianError(
      'no_lists',
      'There is no sanctions list in this case yet; import one first (lists import).',
    );
  control?.progress(0, 'Reading the lists…');
  const index = await loadEntryIndex(db, versionIds, control);
  // Read before writing: better-sqlite3 runs no write while a read is being iterated.
  const subjects = [...screeningSubjects(db)];
  const total = subjects.length;
  let transaction: HeldTransaction | null = beginImmediate(db);
  try {
    const runId = insertRun(db, { actor, versionIds, entities: total, entries: index.entries.length, hits: 0 });
    const write = hitWriter(db, runId);
    let hits = 0;
    for (let done = 0; done < total; done++) {
      for (const h of screenSubject(index, subjects[done]!)) {
        write(h);
        hits++;
      }
      if ((done + 1) % 250 === 0) {
        await new Promise((r) => setImmediate(r));
        if (control?.signal.aborted) throw cancelled();
        control?.progress(
          0.5 + (0.5 * (done + 1)) / total,
          `${(done + 1).toLocaleString('en')} of ${total.toLocaleString('en')} entities screened`,
        );
      }
    }
    // A cancel that came while the last entities were screened still leaves nothing behind.
    await new Promise((r) => setImmediate(r));
    if (control?.signal.aborted)
      throw new CustodianError('cancelled', 'The screening was cancelled; nothing was changed.');
    setRunHits(db, runId, hits);
    const summary = {
      runId,
      entities: total,
      entries: index.entries.length,
      hits,
      versionIds,
      reviewed: countReviewedHits(db, runId),
    };
    appendAudit(db, actor, 'screening.run', summary);
    transaction.commit();
    transaction = null;
    return summary;
  } finally {
    transaction?.rollback();
  }
}
