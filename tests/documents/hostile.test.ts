import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callToEnd } from '../../electron/core/dispatch';
import { FIXTURES, must, tempCase } from '../helpers/temp';
import { makePdf } from './make-pdf';

const ARTICLE_PDF = join(FIXTURES, 'documents', 'china-russia-defense-trade-article.pdf');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Everything that changes when a document is added: none of it may move when adding fails. */
function footprint(db: import('better-sqlite3').Database) {
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { documents: n('documents'), pages: n('document_pages'), blobs: n('blobs'), audit: n('audit_log') };
}

describe('hostile and broken documents', () => {
  // A local server that counts every request: no document may make one.
  let server: Server;
  let base: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('stores and reads a PDF with JavaScript and launch actions without running any of it', async () => {
    const { core, dir } = await tempCase();
    const marker = join(dir, 'pwned');
    const js = `app.launchURL("${base}/js"); require("fs").writeFileSync("${marker}", "ran"); this.submitForm("${base}/submit");`;
    const withJs = join(dir, 'js.pdf');
    const jsBytes = makePdf({ pages: [['Invoice for rotor blades', 'Poly Technologies to Ulan-Ude']], javascript: js });
    writeFileSync(withJs, jsBytes);
    const withLaunch = join(dir, 'launch.pdf');
    writeFileSync(
      withLaunch,
      makePdf({ pages: [['Launch me: radio navigation apparatus']], launch: `/usr/bin/touch ${marker}` }),
    );
    const [a, b] = await must(core, 'documents.add', { paths: [withJs, withLaunch] });
    expect(a!.flags).toEqual(expect.arrayContaining(['javascript', 'open_action']));
    expect(b!.flags).toEqual(expect.arrayContaining(['launch_action', 'open_action']));
    // Readable: text and search work; the bytes come back exactly as they went in.
    expect((await must(core, 'documents.page', { id: a!.documentId, page: 1 })).text).toContain(
      'Invoice for rotor blades',
    );
    const hits = await must(core, 'documents.search', { query: 'radio navigation' });
    expect(hits.map((h) => h.id)).toEqual([b!.documentId]);
    const content = await must(core, 'documents.content', { id: a!.documentId });
    expect(sha(Buffer.from(content.base64, 'base64'))).toBe(sha(jsBytes));
    // Nothing ran: no file written, no request made.
    expect(existsSync(marker)).toBe(false);
    expect(requests).toEqual([]);
  });

  it('refuses a truncated or corrupt PDF with a clear error and adds nothing, not even the good file beside it', async () => {
    const { core, dir } = await tempCase();
    const db = core.session!.db;
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'A good file that must not be added alone.');
    const full = readFileSync(ARTICLE_PDF);
    const cases: [string, Buffer][] = [
      ['truncated.pdf', full.subarray(0, Math.floor(full.length * 0.6))],
      ['zeroed.pdf', Buffer.concat([full.subarray(0, 4096), Buffer.alloc(full.length - 4096)])],
      ['not-a.pdf', Buffer.from('this is not a PDF at all\n')],
    ];
    const before = footprint(db);
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = await callToEnd(core, 'documents.add', { paths: [good, path] });
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('corrupt_document');
        expect(r.error.message).toContain(name);
        expect(r.error.message).toMatch(/not a readable PDF|damaged/);
      }
      expect(footprint(db), name).toEqual(before);
    }
    const missing = await callToEnd(core, 'documents.add', { paths: [join(dir, 'nope.pdf')] });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect(footprint(db)).toEqual(before);
  });

  it('strips scripts, event handlers, forms and remote loads from HTML, and loads nothing while reading it', async () => {
    const { core, dir } = await tempCase();
    const marker = join(dir, 'html-ran');
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>Shipment notice</title>
      <script src="${base}/remote.js"></script>
      <script>require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); fetch('${base}/fetch');</script>
      <link rel="stylesheet" href="${base}/style.css"><style>body { background: url(${base}/bg.png) }</style>
      </head><body onload="fetch('${base}/onload')">
      <article><h1>Shipment notice</h1>
      <p>Poly Technologies shipped tail rotor blades for the Mi-171E to Ulan-Ude.</p>
      <p><img src="${base}/tracker.gif" alt="tracking pixel"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"></p>
      <p><a href="javascript:alert(1)">click</a> <a href="https://example.org/source">source</a></p>
      <iframe src="${base}/frame"></iframe><object data="${base}/obj"></object>
      <form action="${base}/form"><input name="q" value="secret"><button>Send</button></form>
      <p style="background:url(${base}/inline.png)">The helicopter parts were declared under HS 8807.30.</p>
      </article></body></html>`;
    const path = join(dir, 'notice.html');
    writeFileSync(path, page);
    const [added] = await must(core, 'documents.add', { paths: [path] });
    expect(added!.flags).toEqual(expect.arrayContaining(['scripts_removed', 'remote_content_removed']));
    const { viewHtml } = await must(core, 'documents.content', { id: added!.documentId });
    expect(viewHtml).toBeTruthy();
    const view = viewHtml!;
    expect(view).not.toMatch(/<script|<iframe|<object|<form|<input|<button|<link/i);
    expect(view).not.toMatch(/\son\w+=/i);
    expect(view).not.toMatch(/javascript:/i);
    expect(view).not.toContain(base); // no remote address left anywhere
    expect(view).toContain("default-src 'none'"); // and a CSP in case anything slipped through
    expect(view).toContain('[image: tracking pixel]');
    expect(view).toContain('data:image/png;base64');
    const text = (await must(core, 'documents.pages', { id: added!.documentId })).map((p) => p.text).join('\n');
    expect(text).toContain('Poly Technologies shipped tail rotor blades');
    expect(text).toContain('HS 8807.30');
    expect(text).not.toContain('secret');
    expect(existsSync(marker)).toBe(false);
    expect(requests).toEqual([]);
  });

  it('refuses binary files it cannot read, and an empty file', async () => {
    const { core, dir } = await tempCase();
    const bin = join(dir, 'data.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 7, 8, 9]));
    const r = await callToEnd(core, 'documents.add', { paths: [bin] });
    expect(!r.ok && r.error.code).toBe('unsupported_type');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const e = await callToEnd(core, 'documents.add', { paths: [empty] });
    expect(!e.ok && e.error.message).toMatch(/is empty/);
  });
});
