import type { ResolveSummary } from '../../../../shared/domain/entities';
import { runJob } from '../../components/jobs';

/**
 * Undoes a judgement as a background job (the case is resolved again, which on a big case takes as long
 * as a resolve): the summary, or why it did not happen.
 */
export async function undoJudgement(id: number): Promise<{ ok: true; value: ResolveSummary } | { ok: false; message: string }> {
  const end = await runJob('judgements.undo', { id });
  if (end.state === 'done') return { ok: true, value: end.result };
  return { ok: false, message: end.state === 'failed' ? end.message : 'The undo was cancelled; nothing was changed.' };
}
