// The bridge holds every method that writes a file where its input says to the folders the in-app dialog
// shows (home, the sample folder): the page cannot make the core write anywhere else.
import { existsSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgePerTest } from '../helpers/bridge';
import { must, SAMPLES, tempCase, tempDir } from '../helpers/temp';

const bridges = bridgePerTest();

async function started() {
  const { core } = await tempCase('Bridge writes');
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  const home = realpathSync(tempDir());
  const outside = realpathSync(tempDir());
  symlinkSync(outside, join(home, 'Escape'));
  mkdirSync(join(home, 'Out'));
  const bridge = await bridges.start(core, { home });
  const post = async (method: string, input: unknown) => {
    const res = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } },
    };
  };
  return { core, home, outside, post };
}

const CALLS: [string, (path: string) => Record<string, unknown>][] = [
  ['rejects.export', (path) => ({ importId: 1, path })],
  ['records.exportCsv', (path) => ({ path })],
  ['entities.exportCsv', (path) => ({ path })],
  ['interchange.ftm', (path) => ({ path })],
  ['audit.export', (path) => ({ path })],
  ['exchange.export', (path) => ({ path })],
  ['case.saveCopy', (path) => ({ path })],
  ['briefs.render', (out) => ({ diagrams: [1], out })],
];

describe('browser bridge: where methods may write', () => {
  it('refuses a path outside home, through a link leading out, relative, or into the app folder', async () => {
    const { core, home, outside, post } = await started();
    for (const [method, input] of CALLS) {
      for (const path of [
        join(outside, 'x.out'),
        join(home, 'Escape', 'x.out'),
        join(home, '..', 'x.out'),
        'relative.out',
        join(core.appDataDir, 'uploads', 'x.out'),
      ]) {
        const r = await post(method, input(path));
        expect(r.status, `${method} ${path}`).toBe(403);
        expect(r.body.error?.code).toBe('forbidden');
      }
    }
    expect(existsSync(join(outside, 'x.out'))).toBe(false);
    const key = await post('exchange.export', { path: join(home, 'Out', 'k.case'), keyFile: join(outside, 'k.pem') });
    expect(key.status).toBe(403);
  }, 120_000);

  it('lets them write inside home', async () => {
    const { home, post } = await started();
    const csv = await post('audit.export', { path: join(home, 'Out', 'audit.csv') });
    expect(csv.body.ok).toBe(true);
    expect(existsSync(join(home, 'Out', 'audit.csv'))).toBe(true);
    const copy = await post('case.saveCopy', { path: join(home, 'Out', 'copy.case') });
    expect(copy.body.ok).toBe(true);
    const exported = await post('exchange.export', { path: join(home, 'Out', 'sent.case') });
    expect(exported.body.ok).toBe(true);
    // A brief without a file to write is a preview, rendered into the app's own scratch folder.
    const diagram = await post('diagrams.create', { name: 'For a preview' });
    expect(diagram.body.ok).toBe(true);
    const id = (diagram.body as unknown as { value: { id: number } }).value.id;
    const preview = await post('briefs.render', { diagrams: [id] });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  }, 120_000);
});
