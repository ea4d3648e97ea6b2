import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FolderListing } from '../../shared/bridge';
import type { Bridge } from '../../electron/serve/server';
import { bridgePerTest } from '../helpers/bridge';
import { tempCase, tempDir } from '../helpers/temp';

const bridges = bridgePerTest();

/**
 * A bridge whose home is a temp folder with: Cases/ (a case, a CSV, a
 * hidden case, a deeper folder), a link to a folder outside home, a link
 * to a folder inside home, and a case file outside home reached by a link.
 */
async function started() {
  const { core } = await tempCase('Bridge');
  const home = join(tempDir(), 'home');
  const outside = tempDir();
  mkdirSync(join(home, 'Cases', 'Deeper'), { recursive: true });
  mkdirSync(join(home, 'Alpha'));
  writeFileSync(join(home, 'Cases', 'lead.case'), 'x'.repeat(3000));
  writeFileSync(join(home, 'Cases', 'records.csv'), 'a,b');
  writeFileSync(join(home, 'Cases', '.hidden.case'), 'x');
  writeFileSync(join(outside, 'secret.case'), 'x');
  symlinkSync(outside, join(home, 'Escape'));
  symlinkSync(join(outside, 'secret.case'), join(home, 'Cases', 'linked-out.case'));
  symlinkSync(join(home, 'Cases'), join(home, 'Shortcut'));
  mkdirSync(core.appDataDir, { recursive: true });
  writeFileSync(join(core.appDataDir, 'sample.case'), 'x');
  return {
    b: await bridges.start(core, { home }),
    home: realpathSync(home),
    outside: realpathSync(outside),
    appData: realpathSync(core.appDataDir),
  };
}

type Answer = {
  status: number;
  body: { ok: boolean; value?: FolderListing; error?: { code: string; message: string } };
};

async function list(
  b: Bridge,
  dir: string | null,
  token: string | null = b.token,
  method = 'GET',
  root?: string,
): Promise<Answer> {
  const query = `?${new URLSearchParams({ ...(dir === null ? {} : { dir }), ...(root ? { root } : {}) }).toString()}`;
  const res = await fetch(`http://127.0.0.1:${b.port}/fs/list${query}`, {
    method,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const names = (a: Answer) => a.body.value!.entries.map((e) => `${e.kind}:${e.name}`);

describe('browser bridge: folder listing for the in-app case dialog', () => {
  it('refuses a missing or wrong token, and anything but GET', async () => {
    const { b, home } = await started();
    expect((await list(b, home, null)).status).toBe(401);
    expect((await list(b, home, 'wrong')).status).toBe(401);
    expect((await list(b, home, b.token, 'POST')).status).toBe(405);
  });

  it('lists home by default: folders then case files, with sizes and dates, nothing hidden or foreign', async () => {
    const { b, home, appData } = await started();
    const top = await list(b, null);
    expect(top.status).toBe(200);
    expect(top.body.value).toMatchObject({ dir: home, root: 'home', crumbs: [{ name: 'Home', path: home }] });
    expect(top.body.value!.roots).toEqual([
      { id: 'home', label: 'Home', path: home },
      { id: 'samples', label: 'Samples', path: appData },
    ]);
    // Escape points outside home: not offered. Shortcut points inside: offered.
    expect(names(top)).toEqual(['folder:Alpha', 'folder:Cases', 'folder:Shortcut']);

    const cases = await list(b, join(home, 'Cases'));
    expect(names(cases)).toEqual(['folder:Deeper', 'case:lead.case']);
    const lead = cases.body.value!.entries[1]!;
    expect(lead).toMatchObject({ path: join(home, 'Cases', 'lead.case'), size: 3000 });
    expect(Date.now() - Date.parse(lead.modified)).toBeLessThan(60_000);
    expect(cases.body.value!.crumbs.map((c) => c.name)).toEqual(['Home', 'Cases']);
  });

  it('lists the sample folder, without the bridge’s own uploads folder', async () => {
    const { b, appData } = await started();
    const samples = await list(b, appData);
    expect(samples.body.value).toMatchObject({
      dir: appData,
      root: 'samples',
      crumbs: [{ name: 'Samples', path: appData }],
    });
    expect(names(samples)).toEqual(['case:sample.case']);
  });

  it('refuses folders outside home and the sample folder with a clear 403', async () => {
    const { b, outside } = await started();
    for (const dir of ['/', '/etc', outside]) {
      const r = await list(b, dir);
      expect(r.status, dir).toBe(403);
      expect(r.body.error).toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('only folders inside your home folder and the sample folder'),
      });
    }
  });

  it('resolves `..` before deciding: climbing out of home is refused', async () => {
    const { b, home } = await started();
    for (const dir of [`${home}/..`, `${home}/../..`, `${home}/Cases/../../`, `${home}/Cases/../../../etc`]) {
      expect((await list(b, dir)).status, dir).toBe(403);
    }
    const back = await list(b, `${home}/Cases/Deeper/..`);
    expect(back.body.value!.dir).toBe(join(home, 'Cases'));
  });

  it('follows a link only where it really leads: out of home is refused, within home is listed at its real path', async () => {
    const { b, home } = await started();
    const escape = await list(b, join(home, 'Escape'));
    expect(escape.status).toBe(403);
    expect(escape.body.error!.message).toContain('outside');
    expect((await list(b, join(home, 'Escape', '..', '..'))).status).toBe(403);
    const shortcut = await list(b, join(home, 'Shortcut'));
    expect(shortcut.body.value!.dir).toBe(join(home, 'Cases'));
    expect(names(shortcut)).not.toContain('case:linked-out.case');
  });

  it('answers 400 for a relative path or a file, 404 for a folder that is not there', async () => {
    const { b, home } = await started();
    expect((await list(b, 'Cases')).status).toBe(400);
    expect((await list(b, '../etc')).status).toBe(400);
    expect((await list(b, join(home, 'Cases', 'lead.case'))).status).toBe(400);
    const missing = await list(b, join(home, 'Nowhere'));
    expect(missing.status).toBe(404);
    expect(missing.body.error!.message).toContain('There is no folder');
  });

  it('names a folder by the root being browsed where the sample folder lies inside home', async () => {
    const { core, dir } = await tempCase('Nested');
    const bridge = await bridges.start(core, { home: dir });
    const appData = realpathSync(core.appDataDir);
    const bySamples = await list(bridge, appData);
    expect(bySamples.body.value).toMatchObject({ root: 'samples', crumbs: [{ name: 'Samples' }] });
    const byHome = await list(bridge, appData, bridge.token, 'GET', 'home');
    expect(byHome.body.value!.root).toBe('home');
    expect(byHome.body.value!.crumbs.map((c) => c.name)).toEqual(['Home', 'app']);
  });
});
