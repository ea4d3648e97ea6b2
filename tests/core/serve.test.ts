import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../electron/serve/server';
import { bridgePerTest } from '../helpers/bridge';
import { tempCase } from '../helpers/temp';

const bridges = bridgePerTest();

async function started() {
  const { core } = await tempCase('Bridge');
  return bridges.start(core);
}

const post = (b: Bridge, method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${b.port}/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers });

describe('browser bridge', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in its fragment', async () => {
    const b = await started();
    expect((b.server.address() as { address: string }).address).toBe('127.0.0.1');
    expect(b.url).toBe(`http://127.0.0.1:${b.port}/#token=${b.token}`);
    expect(b.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 without the token or with a wrong one, and serves the API with it', async () => {
    const b = await started();
    expect((await post(b, 'case.info', {})).status).toBe(401);
    expect((await post(b, 'case.info', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${b.port}/upload?name=x.csv`, { method: 'POST', body: 'a,b' })).status).toBe(
      401,
    );
    const ok = await post(b, 'case.info', {}, { Authorization: `Bearer ${b.token}` });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: boolean; value: { title: string } };
    expect(body).toMatchObject({ ok: true, value: { title: 'Bridge' } });
  });

  it('refuses requests naming another host (DNS rebinding) and unknown methods', async () => {
    const b = await started();
    const rebinding = await new Promise<number>((resolve, reject) => {
      // fetch() will not let us set Host; use a raw request.
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: b.port,
            path: '/api/case.info',
            method: 'POST',
            headers: { Host: 'evil.example:80', Authorization: `Bearer ${b.token}` },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end('{}');
      }, reject);
    });
    expect(rebinding).toBe(403);
    const unknown = (await (await post(b, 'nope.nope', {}, { Authorization: `Bearer ${b.token}` })).json()) as {
      ok: boolean;
      error: { code: string };
    };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const b = await started();
    const res = await fetch(`http://127.0.0.1:${b.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Custodian</title>');
    expect(await (await fetch(`http://127.0.0.1:${b.port}/..%2f..%2fetc%2fpasswd`)).text()).not.toContain('root:');
  });
});
