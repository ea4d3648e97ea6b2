import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './temp';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs the real `custodian` command, as a user or script would. */
export function custodian(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'custodian.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 512 * 1024 * 1024,
  });
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T>() => JSON.parse(r.stdout) as T,
  };
}
