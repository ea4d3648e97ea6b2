// Opening a received file: a sealed export (or a case made on another machine) opens read-only through safe
// open, every write is refused by the dispatcher and by the connection, and "Save as my case" makes a
// writable, unsealed, audited working copy; the sender's own log records the export.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { createCore } from '../../electron/core/create-core';
import { REPO, must, tempCase, tempDir } from '../helpers/temp';
import { exportTo, richCase, sha256File, tampered } from './helpers';

describe('a received file', () => {
  it('opens read-only, refuses writes, and becomes a working copy with Save as my case', async () => {
    const { core, dir, path } = await richCase();
    const out = join(dir, 'for-colleague.case');
    const sent = await exportTo(core, out);

    // The sender's own log says what left, where to, and under which seal.
    const own = await must(core, 'audit.list', { action: 'exchange.export' });
    expect(own).toHaveLength(1);
    expect(own[0]!.detail).toMatchObject({ out, redacted: false, digest: sent.digest, signer: sent.fingerprint });

    // The colleague, with an app folder of their own.
    const colleague = createCore({
      appDataDir: join(tempDir(), 'app'),
      sampleDir: join(REPO, 'build', 'sample'),
      actor: 'colleague',
    });
    const before = sha256File(out);
    const info = await must(colleague, 'case.open', { path: out });
    expect(info.readOnly).toBe(true);
    expect(info.received).toMatchObject({
      kind: 'sealed',
      sealed: true,
      signer: { fingerprint: sent.fingerprint, name: null, trusted: false, claimedBy: 'tester' },
    });
    expect((await must(colleague, 'records.list', { limit: 5 })).length).toBe(5);
    const write = await call(colleague, 'annotations.create', { target: 'record', targetId: 7, text: 'mine' });
    expect(write).toMatchObject({ ok: false, error: { code: 'read_only' } });
    const job = await call(colleague, 'entities.resolve', {});
    expect(job).toMatchObject({ ok: false, error: { code: 'read_only' } });
    // A job that only reads runs on it, on a read-only connection of its own: the same summary as the sender's.
    expect(await must(colleague, 'risk.summary', {})).toEqual(await must(core, 'risk.summary', {}));
    const brief = await call(colleague, 'briefs.render', { diagrams: [1] });
    expect(brief).toMatchObject({ ok: false, error: { code: 'read_only' } });
    // The connection itself refuses, whatever a handler tries.
    expect(() => colleague.session!.db.prepare(`DELETE FROM annotations`).run()).toThrow(/readonly|read-only/i);
    // Save a copy works on it too (the copy is as received: sealed, so it opens read-only in turn).
    const plainCopy = join(dir, 'copy-of-received.case');
    expect(await must(colleague, 'case.saveCopy', { path: plainCopy })).toEqual({ path: plainCopy });
    expect(sha256File(out)).toBe(before);

    const mine = join(dir, 'mine.case');
    const copy = await must(colleague, 'case.saveAsMine', { path: mine });
    expect(copy).toMatchObject({ path: mine, readOnly: false, received: null });
    expect(await must(colleague, 'annotations.create', { target: 'record', targetId: 7, text: 'mine' })).toBeTruthy();
    const saved = await must(colleague, 'audit.list', { action: 'case.saveAsMine' });
    expect(saved[0]).toMatchObject({ actor: 'colleague', detail: { from: out, sealed: true, digest: sent.digest } });
    expect((await must(colleague, 'audit.verify', {})).ok).toBe(true);
    const db = new Database(mine, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM exchange_seal').get()).toEqual({ n: 0 });
    db.close();
    expect(sha256File(out)).toBe(before);
    colleague.session?.close();

    // Reopened by the colleague later, the working copy is theirs: writable.
    expect((await must(colleague, 'case.open', { path: mine })).readOnly).toBe(false);
    colleague.session?.close();
    // The sender's own case is still their own.
    expect((await must(core, 'case.open', { path })).readOnly).toBe(false);
    core.session?.close();
  }, 240_000);

  it('names a trusted sender, and refuses a hostile file before showing anything', async () => {
    const { core, dir } = await tempCase('Small');
    await must(core, 'annotations.create', { target: 'entity', targetId: 1, text: 'x' }).catch(() => undefined);
    const out = join(dir, 'sent.case');
    const sent = await exportTo(core, out);
    const me = await must(core, 'identity.get', {});
    const colleague = createCore({ appDataDir: join(tempDir(), 'app'), sampleDir: dir, actor: 'colleague' });
    await must(colleague, 'identity.trust', { name: 'Anna', publicKey: me.publicKey });
    const info = await must(colleague, 'case.open', { path: out });
    expect(info.received?.signer).toMatchObject({ name: 'Anna', trusted: true, fingerprint: sent.fingerprint });
    await must(colleague, 'case.close', {});
    expect(await must(colleague, 'identity.untrust', { publicKey: me.publicKey })).toEqual([]);

    const hostile = tampered(out, 'trigger.case', `CREATE TRIGGER t AFTER INSERT ON annotations BEGIN SELECT 1; END`);
    const before = sha256File(hostile);
    const r = await call(colleague, 'case.open', { path: hostile });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsafe_file' } });
    if (!r.ok) expect(r.error.message).toMatch(/refused: it has a trigger "t" that Custodian did not create/);
    expect(sha256File(hostile)).toBe(before);
    expect(colleague.session).toBeNull();
    core.session?.close();
  }, 120_000);

  it('opens an unsealed case made on another machine read-only too', async () => {
    const { core, path } = await tempCase('Elsewhere');
    core.session?.close();
    const db = new Database(path);
    db.prepare(`UPDATE case_meta SET value = 'another-machine' WHERE key = 'made_on'`).run();
    db.close();
    const info = await must(core, 'case.open', { path });
    expect(info).toMatchObject({ readOnly: true, received: { kind: 'foreign', sealed: false, signer: null } });
    core.session?.close();
  }, 60_000);
});
