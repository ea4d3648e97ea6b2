import { build } from 'esbuild';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../electron/core/jobs/protocol';
import { REPO, SAMPLES, tempCase } from '../helpers/temp';

/**
 * The app's job worker must load the Electron build of better-sqlite3 (the
 * one in node_modules is built for Node and Electron cannot load it). Under
 * Node we show the worker takes the binding from CUSTODIAN_ELECTRON_SQLITE:
 * a bogus path makes it fail naming that path; the Node build makes it work.
 */
async function workerCode(): Promise<string> {
  const r = await build({
    absWorkingDir: REPO,
    entryPoints: ['electron/main/job-worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

function runImport(code: string, casePath: string, binding: string): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, {
      eval: true, // required modules resolve from the working directory: the repo
      env: { ...process.env, CUSTODIAN_ELECTRON_SQLITE: binding },
      workerData: {
        request: {
          method: 'import.run',
          casePath,
          actor: 'tester',
          input: { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' },
        },
      },
    });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type !== 'progress') {
        resolve(m);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  });
}

describe('the app’s job worker', () => {
  it('opens the case with the better-sqlite3 build named in its environment', async () => {
    const { core, path } = await tempCase('Worker case');
    core.session!.close();
    const code = await workerCode();
    const bogus = join(REPO, '.cache', 'no-such-build', 'better_sqlite3.node');
    const failed = await runImport(code, path, bogus);
    expect(failed.type).toBe('failed');
    expect(JSON.stringify(failed)).toContain('no-such-build');

    const done = await runImport(
      code,
      path,
      join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    );
    expect(done).toMatchObject({ type: 'done', result: { rowsRead: expect.any(Number) } });
  });
});
