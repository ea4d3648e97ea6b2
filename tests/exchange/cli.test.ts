import { generateKeyPairSync } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { custodian } from '../helpers/cli';
import { SAMPLES, tempDir } from '../helpers/temp';
import { tampered } from './helpers';

describe('custodian export / verify / identity / trust', () => {
  it('exports a sealed copy that verifies; a changed file and a hostile one exit 1 saying why', () => {
    const dir = tempDir();
    const env = { CUSTODIAN_HOME: join(dir, 'home') };
    const run = (args: string[]) => custodian([...args, '--json'], env);
    const kase = join(dir, 'a.case');
    expect(run(['new', kase, '--title', 'CLI']).status).toBe(0);
    expect(run(['import', kase, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']).status).toBe(0);

    const out = join(dir, 'a-sent.case');
    const exported = run(['export', kase, out]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(Object.keys(exported.json())).toEqual(['path', 'digest', 'fingerprint']);
    const me = run(['identity']).json<{ fingerprint: string; publicKey: string }>();
    expect(exported.json<{ fingerprint: string }>().fingerprint).toBe(me.fingerprint);
    expect(statSync(join(dir, 'home', 'identity', 'signing-key.pem')).mode & 0o777).toBe(0o600);

    const ok = run(['verify', out]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ ok: true, signer: { name: 'you', trusted: true }, problems: [] });
    expect(Object.keys(ok.json())).toEqual(['ok', 'signer', 'digest', 'problems']);

    const changed = tampered(out, 'changed.case', "UPDATE records SET consignee = 'Someone else' WHERE id = 12");
    const bad = run(['verify', changed]);
    expect(bad.status).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, problems: [{ part: 'row', table: 'records', row: 'id=12' }] });
    const human = custodian(['verify', changed], env);
    expect(human.stdout).toMatch(/^NOT OK; signed by you/);
    expect(human.stdout).toMatch(/records: the row id=12 has changed/);

    const hostile = tampered(out, 'hostile.case', 'CREATE TRIGGER t AFTER UPDATE ON records BEGIN SELECT 1; END');
    const refused = run(['verify', hostile]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused: it has a trigger "t" that Custodian did not create/);
  }, 120_000);

  it('signs with --key; the colleague is unknown until trusted, then named', () => {
    const dir = tempDir();
    const env = { CUSTODIAN_HOME: join(dir, 'home') };
    const run = (args: string[]) => custodian([...args, '--json'], env);
    const kase = join(dir, 'b.case');
    run(['new', kase, '--title', 'Keys']);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyFile = join(dir, 'colleague.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const out = join(dir, 'b-sent.case');
    expect(run(['export', kase, out, '--key', keyFile]).status).toBe(0);
    expect(custodian(['verify', out], env).stdout).toMatch(/signed by an UNKNOWN key/);
    const pem = join(dir, 'colleague.pub.pem');
    writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }));
    expect(run(['trust', 'Alma Petrova', pem]).json()).toMatchObject({ name: 'Alma Petrova' });
    expect(run(['trusted']).json()).toHaveLength(1);
    expect(run(['verify', out]).json()).toMatchObject({ ok: true, signer: { name: 'Alma Petrova', trusted: true } });
    expect(run(['export', kase, join(dir, 'c.case'), '--only-diagram', 'x']).status).toBe(2);
  }, 120_000);
});
