import type { JobStatus } from '../../shared/api/case';
import { describe, expect, it } from 'vitest';
import { caseArgFromArgv, launchRequest } from '../../electron/main/launch';
import { chooseNativeBinding } from '../../electron/main/native-binding';
import { shellPaths } from '../../electron/main/paths';
import { QUIT_ANYWAY, quitQuestion } from '../../electron/main/quit-guard';

describe('launch requests', () => {
  it('finds a .case path in argv (double-click, second instance), resolved against its folder', () => {
    expect(caseArgFromArgv(['/opt/Custodian/custodian', '/home/me/a.case'], '/')).toBe('/home/me/a.case');
    expect(caseArgFromArgv(['electron', '.', 'cases/b.CASE'], '/repo')).toBe('/repo/cases/b.CASE');
    expect(caseArgFromArgv(['custodian', '--enable-features=x.case', '--sample'], '/')).toBeNull();
    expect(caseArgFromArgv(['custodian', 'notes.txt'], '/')).toBeNull();
  });

  it('opens the sample when asked (npm start) unless a case was named', () => {
    expect(launchRequest(['electron', '.', '--sample'], '/r', {})).toEqual({ type: 'open-sample' });
    expect(launchRequest(['electron', '.'], '/r', { CUSTODIAN_OPEN_SAMPLE: '1' })).toEqual({ type: 'open-sample' });
    expect(launchRequest(['electron', '.', '--sample', 'x.case'], '/r', {})).toEqual({
      type: 'open-path',
      path: '/r/x.case',
    });
    expect(launchRequest(['custodian'], '/r', {})).toBeNull(); // the page shows its welcome screen
  });
});

describe('native binding and paths', () => {
  const base = { isPackaged: false, appRoot: '/repo', electronVersion: '40.10.2' };
  it('uses the Electron build named by npm start, else the cache, else reports the problem', () => {
    const cached = '/repo/.cache/electron-native/40.10.2/better_sqlite3.node';
    expect(chooseNativeBinding({ ...base, env: { CUSTODIAN_ELECTRON_SQLITE: '/x.node' }, exists: () => true })).toEqual(
      { path: '/x.node' },
    );
    expect(chooseNativeBinding({ ...base, env: {}, exists: (p) => p === cached })).toEqual({ path: cached });
    const none = chooseNativeBinding({ ...base, env: {}, exists: () => false });
    expect(none.path).toBeUndefined();
    expect(none.problem).toMatch(/npm start/);
  });

  it('uses better-sqlite3 as packaged (rebuilt by electron-builder) in a package', () => {
    expect(chooseNativeBinding({ ...base, isPackaged: true, env: {}, exists: () => false })).toEqual({
      path: undefined,
    });
  });

  it('finds the sample next to the package resources, and in build/ in the repo', () => {
    const pkg = shellPaths({
      appRoot: '/opt/C/resources/app.asar',
      isPackaged: true,
      resourcesPath: '/opt/C/resources',
    });
    expect(pkg).toEqual({
      preload: '/opt/C/resources/app.asar/out/preload/preload.cjs',
      rendererIndex: '/opt/C/resources/app.asar/out/renderer/index.html',
      workerScript: '/opt/C/resources/app.asar/out/main/job-worker.cjs',
      sampleDir: '/opt/C/resources/sample',
      icon: '/opt/C/resources/icon.png',
    });
    expect(shellPaths({ appRoot: '/repo', isPackaged: false, resourcesPath: '/x' }).sampleDir).toBe(
      '/repo/build/sample',
    );
  });
});

describe('quitting while jobs run', () => {
  const job = (kind: string, message: string): JobStatus => ({
    jobId: kind,
    kind,
    state: 'running',
    progress: 0.4,
    message,
  });
  it('quits at once with no jobs, and asks (default: keep working) with some', () => {
    expect(quitQuestion([])).toBeNull();
    const q = quitQuestion([job('import', 'Row 40,000 of 100,000')])!;
    expect(q.message).toBe('A job is still running.');
    expect(q.detail).toContain('import: Row 40,000 of 100,000');
    expect(q.buttons![QUIT_ANYWAY]).toBe('Quit and cancel');
    expect(q.defaultId).toBe(0);
    expect(q.cancelId).toBe(0);
    expect(quitQuestion([job('import', 'a'), job('resolve', 'b')])!.message).toBe('2 jobs are still running.');
  });
});
