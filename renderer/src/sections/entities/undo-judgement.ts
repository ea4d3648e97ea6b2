import type { UndoSummary } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { runJob } from '../../components/jobs';

/**
 * Undoes a judgement: in place, at once, where it can be (`judgements.undo`); else as a background job that
 * resolves the case again without it (`judgements.undoResolving`: on a big case as long as a resolve). The
 * summary, or why it did not happen.
 */
export async function undoJudgement(
  id: number,
): Promise<{ ok: true; value: UndoSummary } | { ok: false; message: string }> {
  const now = await client.call('judgements.undo', { id });
  if (now.ok) return { ok: true, value: now.value };
  if (now.error.code !== 'needs_resolve') return { ok: false, message: now.error.message };
  const end = await runJob('judgements.undoResolving', { id });
  if (end.state === 'done') return { ok: true, value: end.result };
  return { ok: false, message: end.state === 'failed' ? end.message : 'The undo was cancelled; nothing was changed.' };
}

/** How an undo went, for the line that reports it. */
export function howUndone(u: UndoSummary): string {
  if (u.how === 'local')
    return `put back as it was (${u.entities.length === 1 ? 'entity' : 'entities'} ${u.entities.join(', ')})`;
  const r = u.resolve!;
  return `resolved again: ${r.entities.toLocaleString()} entities, ${r.toReview.toLocaleString()} pairs to review`;
}
