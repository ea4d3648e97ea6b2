import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.mjs': 'text/javascript; charset=utf-8',
};

const MAX_JSON_BODY = 16 * 1024 * 1024;

export interface Bridge {
  server: Server;
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser bridge: the built renderer and the same API as the Electron
 * IPC, over HTTP on 127.0.0.1 only. Every API call must carry this run's
 * random token; the Host header must name the loopback address, so a web
 * page cannot reach the bridge through DNS rebinding.
 */
export async function startBridge(core: CoreContext, rendererDir: string, port = 0): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    handle(core, rendererDir, token, req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: String(e) } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  return {
    server,
    port: actual,
    token,
    url: `http://127.0.0.1:${actual}/#token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function authorized(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BODY) throw new Error('request too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

async function handle(core: CoreContext, rendererDir: string, token: string, req: IncomingMessage, res: ServerResponse) {
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Wrong host.' } });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/') || url.pathname === '/upload') {
    if (!authorized(req, token)) return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'A valid token is required.' } });
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'method', message: 'Use POST.' } });
    if (url.pathname === '/upload') return upload(core, url, req, res);
    let input: unknown;
    try {
      input = await readJson(req);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } });
    }
    return send(res, 200, await dispatch(core, decodeURIComponent(url.pathname.slice(5)), input));
  }
  return serveStatic(rendererDir, url.pathname, res);
}

/** A file the browser picked, staged on disk so that the API can read it by path like a dialog's pick. */
async function upload(core: CoreContext, url: URL, req: IncomingMessage, res: ServerResponse) {
  const name = basename(url.searchParams.get('name') ?? 'upload').replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'upload';
  const dir = join(core.appDataDir, 'uploads', randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  await pipeline(req, createWriteStream(path));
  send(res, 200, { ok: true, value: { path } });
}

function serveStatic(rendererDir: string, pathname: string, res: ServerResponse) {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(rendererDir, rel);
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 404, { ok: false });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain' });
    return res.end('The renderer is not built: run `npm run build` first.');
  }
  res.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}
