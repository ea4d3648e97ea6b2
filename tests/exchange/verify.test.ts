import { UNDO_AFTER_100 } from '../helpers/later-schema';
import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { must, REPO } from '../helpers/temp';
import { exportTo, richCase, sha256File, tampered, verify } from './helpers';

describe('export → verify', () => {
  it('an export verifies ok, signed by you; each kind of change is reported and named', async () => {
    const { core, dir, path, documentId } = await richCase();
    const out = join(dir, 'out.case');
    const exported = await exportTo(core, out);
    expect(exported.digest).toMatch(/^[0-9a-f]{64}$/);
    const identity = await must(core, 'identity.get', {});
    expect(exported.fingerprint).toBe(identity.fingerprint);
    expect(identity.fingerprint).toMatch(/^([0-9a-f]{4} ){4}[0-9a-f]{4}$/);
    // The key lives in the app's folder, owner-only; the exported file holds only the public key.
    const keyFile = join(dir, 'app', 'identity', 'signing-key.pem');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);

    const good = await verify(core, out);
    expect(good).toEqual({
      ok: true,
      value: {
        ok: true,
        signer: { fingerprint: identity.fingerprint, name: 'you', trusted: true, claimedBy: 'tester' },
        digest: exported.digest,
        problems: [],
      },
    });
    // The original case is untouched by exporting, and the export's own audit entry says so.
    expect((await must(core, 'audit.verify', {})).ok).toBe(true);
    const db = new Database(out, { readonly: true });
    const last = db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string };
    expect(last.action).toBe('exchange.export');
    const docSha = (db.prepare('SELECT sha256 FROM documents WHERE id = ?').get(documentId) as { sha256: string })
      .sha256;
    db.close();
    expect(path).not.toBe(out);

    const cases: [
      string,
      string,
      (p: { part: string; table?: string; row?: string; sha256?: string; seq?: number }) => boolean,
    ][] = [
      [
        'blob',
        `UPDATE blobs SET data = CAST(substr(data, 1, 10) || 'X' || substr(data, 12) AS BLOB) WHERE sha256 = '${docSha}'`,
        (p) => p.part === 'blob' && p.sha256 === docSha,
      ],
      [
        'record',
        `UPDATE records SET value_usd = value_usd + 1 WHERE id = 5`,
        (p) => p.table === 'records' && p.row === 'id=5',
      ],
      [
        'annotation',
        `UPDATE annotations SET text = 'checked' WHERE id = 1`,
        (p) => p.table === 'annotations' && p.row === 'id=1',
      ],
      ['audit', `UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`, (p) => p.part === 'audit' && p.seq === 2],
      ['removed record', `DELETE FROM records WHERE id = 900`, (p) => p.table === 'records' && p.row === 'id=901'],
    ];
    for (const [name, sql, names] of cases) {
      const r = await verify(core, tampered(out, `${name}.case`, sql));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.ok, name).toBe(false);
      expect(r.value.digest, name).not.toBe(exported.digest);
      expect(r.value.problems.some(names), `${name}: ${JSON.stringify(r.value.problems)}`).toBe(true);
    }
  }, 120_000);

  it('a wrong, missing or foreign signature is reported; an unknown signer is said plainly, a trusted one by name', async () => {
    const { core, dir } = await richCase();
    const keyFile = join(dir, 'colleague.pem');
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const out = join(dir, 'signed-by-colleague.case');
    const exported = await exportTo(core, out, { keyFile });

    const unknown = await verify(core, out);
    expect(unknown.ok && unknown.value.ok).toBe(true);
    expect(unknown.ok && unknown.value.signer).toMatchObject({
      name: null,
      trusted: false,
      fingerprint: exported.fingerprint,
    });
    const publicKey = (await must(createCore({ appDataDir: join(dir, 'other'), sampleDir: REPO }), 'identity.get', {}))
      .publicKey;
    expect(publicKey).not.toBe(''); // another app folder, another key
    const key = generateKeyPairSync('ed25519'); // not the signer's
    expect(
      (
        await must(core, 'identity.trust', {
          name: 'Stranger',
          publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        })
      ).name,
    ).toBe('Stranger');
    const { createPublicKey } = await import('node:crypto');
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
    await must(core, 'identity.trust', { name: 'Alma', publicKey: spki });
    const known = await verify(core, out);
    expect(known.ok && known.value.signer).toMatchObject({ name: 'Alma', trusted: true });

    const wrongSig = tampered(
      out,
      'wrong-sig.case',
      `UPDATE exchange_seal SET signature = '${Buffer.alloc(64, 7).toString('base64')}'`,
    );
    const r1 = await verify(core, wrongSig);
    expect(r1.ok && r1.value.ok).toBe(false);
    expect(r1.ok && r1.value.problems.map((p) => p.part)).toEqual(['signature']);

    // Re-sealing a changed digest with the old signature fails too: the signature covers the digest.
    const forged = tampered(
      out,
      'forged.case',
      `UPDATE records SET shipper = 'X' WHERE id = 3; UPDATE exchange_seal SET digest = '${'0'.repeat(64)}'`,
    );
    const r2 = await verify(core, forged);
    expect(r2.ok && r2.value.problems.map((p) => p.part)).toContain('signature');
    expect(r2.ok && r2.value.problems.some((p) => p.row === 'id=3')).toBe(true);

    const unsealed = tampered(out, 'unsealed.case', 'DELETE FROM exchange_seal');
    const r3 = await verify(core, unsealed);
    expect(r3.ok && r3.value).toMatchObject({ ok: false, signer: null });
    expect(r3.ok && r3.value.problems.map((p) => p.part)).toEqual(['seal']);
    // A case of the schema before seals (version 100) opens safely and is said to be unsealed.
    const older = tampered(out, 'older.case', `${UNDO_AFTER_100}; PRAGMA user_version = 100`);
    const r4 = await verify(core, older);
    expect(r4.ok && r4.value).toMatchObject({ ok: false, signer: null, problems: [{ part: 'seal' }] });
    // Verifying never changes the file it reads.
    const before = sha256File(out);
    await verify(core, out);
    expect(sha256File(out)).toBe(before);
    expect(existsSync(`${out}-journal`) || existsSync(`${out}-wal`)).toBe(false);
  }, 120_000);

  it('refuses to overwrite or to sign with a bad key, and a failed export leaves no file', async () => {
    const { core, dir } = await richCase();
    const out = join(dir, 'exists.case');
    writeFileSync(out, 'x');
    const r = await verify(core, out); // not SQLite
    expect(r.ok).toBe(false);
    const { callToEnd } = await import('../../electron/core/dispatch');
    const again = await callToEnd(core, 'exchange.export', { path: out });
    expect(again.ok || again.error.code).toBe('exists');
    const bad = await callToEnd(core, 'exchange.export', { path: join(dir, 'k.case'), keyFile: out });
    expect(bad.ok || bad.error.code).toBe('invalid_key');
    expect(readdirSync(dir).filter((f) => f.endsWith('.case') && f !== 'test.case')).toEqual(['exists.case']);
  }, 60_000);
});
