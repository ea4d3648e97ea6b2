import type { JobStatus } from '../../shared/api';

/**
 * How the CLI shows a job's progress on stderr (stdout stays the command's
 * output, so `--json` is unchanged): a bar redrawn in place on a terminal,
 * a timestamped line per change with `--progress`, nothing otherwise.
 */
export type ProgressMode = 'bar' | 'lines' | 'off';

let mode: ProgressMode = 'off';
let drawn = false;

export function setProgressMode(next: ProgressMode): void {
  mode = next;
}

export function progressModeFor(flag: boolean, stderrIsTty: boolean): ProgressMode {
  if (flag) return stderrIsTty ? 'bar' : 'lines';
  return stderrIsTty ? 'bar' : 'off';
}

const WIDTH = 24;

export function reportProgress(s: JobStatus): void {
  const percent = s.progress === null ? null : Math.round(s.progress * 100);
  if (mode === 'lines') {
    process.stderr.write(
      `progress ${new Date().toISOString()} ${percent === null ? '' : `${percent}% `}${s.message}\n`,
    );
  } else if (mode === 'bar') {
    const filled = percent === null ? 0 : Math.round((percent / 100) * WIDTH);
    const bar = percent === null ? '…'.padEnd(WIDTH) : '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const text = `${bar} ${percent === null ? '' : `${percent}% `}${s.message}`;
    process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns || 80) - 1)}`);
    drawn = true;
  }
}

/** Clears the bar, so that what follows starts on a clean line. */
export function endProgress(): void {
  if (drawn) process.stderr.write('\r\x1b[2K');
  drawn = false;
}
