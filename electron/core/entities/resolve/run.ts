import { CustodianError } from '../../../../shared/result';
import type { JobControl } from '../../jobs/protocol';

/** One resolve under way: when it started, who runs it, and the job's progress and cancel. */
export interface Run {
  started: number;
  actor: string;
  control: JobControl | undefined;
  check(): void;
}

export function startRun(actor: string, control?: JobControl): Run {
  return {
    started: Date.now(),
    actor,
    control,
    check: () => {
      if (control?.signal.aborted)
        throw new CustodianError('cancelled', 'Resolution was cancelled; nothing was changed.');
    },
  };
}
