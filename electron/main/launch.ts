import { isAbsolute, resolve } from 'node:path';

/**
 * What the app was asked to open at launch, from its command line: a
 * `.case` path (double-click in a file manager, `custodian-app x.case`, or a
 * second launch forwarded by the single-instance lock), or the sample case
 * (`--sample` from `npm start`, or CUSTODIAN_OPEN_SAMPLE=1).
 */
export type LaunchRequest = { type: 'open-path'; path: string } | { type: 'open-sample' } | null;

/** The last `.case` argument, resolved against the launching process's folder. Switches are ignored. */
export function caseArgFromArgv(argv: readonly string[], cwd: string): string | null {
  const found = argv
    .slice(1) // the executable
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.case'));
  const last = found[found.length - 1];
  if (!last) return null;
  return isAbsolute(last) ? last : resolve(cwd, last);
}

export function launchRequest(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): LaunchRequest {
  const path = caseArgFromArgv(argv, cwd);
  if (path) return { type: 'open-path', path };
  if (argv.includes('--sample') || env.CUSTODIAN_OPEN_SAMPLE === '1') return { type: 'open-sample' };
  return null;
}
