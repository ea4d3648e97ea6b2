import type { MessageBoxOptions } from 'electron';
import type { JobStatus } from '../../shared/api/case';

/**
 * The question asked before quitting while jobs run, or null to quit at
 * once. Quitting cancels them; a cancelled job leaves the case as it was,
 * so the message can say so plainly.
 */
export function quitQuestion(running: readonly JobStatus[]): MessageBoxOptions | null {
  if (running.length === 0) return null;
  const what = running.map((j) => `• ${j.kind}: ${j.message}`).join('\n');
  return {
    type: 'warning',
    buttons: ['Keep working', 'Quit and cancel'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    message: running.length === 1 ? 'A job is still running.' : `${running.length} jobs are still running.`,
    detail: `${what}\n\nQuitting cancels ${running.length === 1 ? 'it' : 'them'}; the case stays as it was before ${running.length === 1 ? 'it' : 'they'} started.`,
  };
}

/** Index of the "Quit and cancel" button. */
export const QUIT_ANYWAY = 1;
