/**
 * `resolve` on a case: read every record's parties, resolve, and replace the
 * mentions, entity names and review queue in one transaction (a cancelled
 * or failed run leaves the case as it was). Entity ids are kept stable:
 * a cluster takes the id of the previous entity most of its mentions had,
 * and a name a person set is kept.
 *
 * On a big case the reading runs in a second thread while this one
 * analyzes the names it brings (resolveCaseInThreads).
 */
import type { ResolveSummary } from '../../../../shared/domain/entities';
import { activeJudgements } from '../../db/judgements';
import { iterateRecordParties, stageMentions } from '../../db/mentions';
import { maxRecordId } from '../../db/records';
import type { WriteDb } from '../../db/types';
import type { JobControl } from '../../jobs/protocol';
import { readMentions, type SlotFacts } from '../mentions/mention-reader';
import { mentionThreadMinRecords, readMentionsInThread } from '../mentions/mention-thread';
import { NameSide, type NameResolution } from './name-side';
import type { Homecoming } from './previous-entities';
import { startRun, type Run } from './run';
import { writeResolution } from './write-resolution';
import { collectEvery, collectGarbage } from '../../collect-garbage';
import { trace } from '../../trace';

/** Mentions from which a resolve collects its garbage between phases (a full collection costs ~0.3 s at 2.5M). */
const BIG_MENTIONS = 200_000;

const readingProgress = (run: Run) => (n: number) =>
  run.control?.progress(0.05, `Reading party names… ${n.toLocaleString('en')} records`);

/**
 * Resolves in this thread (small cases, and inside another transaction: an undo that cannot be done in place
 * resolves again, with what the undone judgement had moved: `homecoming`).
 */
export function resolveCase(db: WriteDb, actor: string, control?: JobControl, homecoming?: Homecoming): ResolveSummary {
  const run = startRun(actor, control);
  const side = new NameSide(activeJudgements(db));
  run.control?.progress(0.05, 'Reading party names…');
  const { rows, facts } = readMentions(iterateRecordParties(db), (b) => side.add(b), readingProgress(run));
  const res = compareNames(run, side, facts);
  const stage = () =>
    stageMentions(db, { recordId: rows.recordId, role: rows.role, nameId: rows.slot.map((s) => s + 1) });
  return writeResolution(db, run, side.slots, facts.slotCount, res, stage, homecoming);
}

/**
 * Resolves with a helper thread of the job, when the case is big enough to gain: it reads
 * the records while this thread analyzes their names, then stages the mentions while this one compares.
 */
export async function resolveCaseInThreads(db: WriteDb, actor: string, control?: JobControl): Promise<ResolveSummary> {
  const records = maxRecordId(db);
  const startHelper = control?.startHelper;
  if (!startHelper || records < mentionThreadMinRecords()) return resolveCase(db, actor, control);
  const run = startRun(actor, control);
  const side = new NameSide(activeJudgements(db));
  run.control?.progress(0.05, 'Reading party names…');
  // The reading thread's memory is on top of this one's while it reads: this heap is kept near its live size.
  const collect = collectEvery(96 * 1024 * 1024);
  const reading = readMentionsInThread(startHelper, db.name, (b) => (side.add(b), collect()), readingProgress(run));
  try {
    const facts = await reading.read;
    const res = compareNames(run, side, facts);
    await reading.staged;
    return writeResolution(db, run, side.slots, facts.slotCount, res, () => undefined);
  } finally {
    reading.close();
  }
}

function compareNames(run: Run, side: NameSide, facts: SlotFacts): NameResolution {
  run.check();
  // Each phase of a big resolve leaves a few hundred MB of garbage the next phase's peak need not carry.
  const big = facts.slotCount.reduce((sum, n) => sum + n, 0) >= BIG_MENTIONS;
  if (big) collectGarbage();
  trace('resolve: names analyzed');
  run.control?.progress(0.3, 'Comparing names…');
  const res = side.finish(facts, (m) => run.control?.progress(0.4, m), big);
  run.check();
  if (big) collectGarbage();
  trace('resolve: resolved');
  return res;
}
