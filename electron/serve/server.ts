import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { browseScope, listFolder, refusedWritePath, type BrowseScope } from './folder-browser';
import { Uploads } from './uploads';

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

/**
 * Methods that write a file where their input says, and which field says
 * it: through the bridge, the page could name any path, so these are held
 * to the folders the in-app dialog shows (refusedWritePath). A signing key
 * is read from the app's folder only: the page may not name one.
 */
const WRITES_TO: Record<string, string> = {
  'rejects.export': 'path',
  'records.exportCsv': 'path',
  'entities.exportCsv': 'path',
  'interchange.ftm': 'path',
  'audit.export': 'path',
  'exchange.export': 'path',
  'briefs.render': 'out',
  'case.saveCopy': 'path',
  'case.saveAsMine': 'path',
};

/** Why the bridge refuses this call outright, or null. */
function refusedByBridge(scope: BrowseScope, method: string, input: unknown): string | null {
  const field = WRITES_TO[method];
  if (!field) return null;
  const fields = (input ?? {}) as Record<string, unknown>;
  if (method === 'exchange.export' && fields.keyFile !== undefined)
    return 'In a browser, exports are signed with your own key only.';
  // A brief rendered without a file to write is a preview, kept in the app's scratch folder.
  if (method === 'briefs.render' && fields.out === undefined) return null;
  return refusedWritePath(scope, fields[field]);
}

export interface BridgeOptions {
  /** The home folder the in-app file dialog may show; the user's by default. */
  home?: string;
}

/** What every request is served with. */
interface BridgeState {
  core: CoreContext;
  rendererDir: string;
  token: string;
  scope: BrowseScope;
  uploads: Uploads;
}

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
export async function startBridge(
  core: CoreContext,
  rendererDir: string,
  port = 0,
  options: BridgeOptions = {},
): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const uploads = new Uploads(resolve(core.appDataDir, 'uploads'), core.jobs);
  const state: BridgeState = {
    core,
    rendererDir,
    token,
    uploads,
    scope: browseScope(core.appDataDir, uploads.dir, options.home),
  };
  const server = createServer((req, res) => {
    handle(state, req, res).catch((e: unknown) => {
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
    close: () =>
      new Promise((done) =>
        server.close(() => {
          uploads.removeAll();
          done();
        }),
      ),
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

async function handle(state: BridgeState, req: IncomingMessage, res: ServerResponse) {
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host))
    return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Wrong host.' } });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const isApi = url.pathname.startsWith('/api/') || url.pathname === '/upload' || url.pathname.startsWith('/fs/');
  if (!isApi) return serveStatic(state.rendererDir, url.pathname, res);
  if (!authorized(req, state.token))
    return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'A valid token is required.' } });
  if (url.pathname.startsWith('/fs/')) return folders(state, url, req, res);
  if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'method', message: 'Use POST.' } });
  if (url.pathname === '/upload') {
    const path = await state.uploads.stage(url.searchParams.get('name'), req);
    return send(res, 200, { ok: true, value: { path } });
  }
  let input: unknown;
  try {
    input = await readJson(req);
  } catch {
    return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } });
  }
  const method = decodeURIComponent(url.pathname.slice(5));
  const refused = refusedByBridge(state.scope, method, input);
  if (refused) return send(res, 403, { ok: false, error: { code: 'forbidden', message: refused } });
  const answer = await dispatch(state.core, method, input);
  state.uploads.afterCall(method, input, answer);
  return send(res, 200, answer);
}

/**
 * `GET /fs/list?dir=…&root=…`: the in-app file dialog's folder listing,
 * confined to home and the sample folder (`root` names the one the dialog
 * is browsing, for the breadcrumb, where they nest).
 */
function folders(state: BridgeState, url: URL, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET') return send(res, 405, { ok: false, error: { code: 'method', message: 'Use GET.' } });
  if (url.pathname !== '/fs/list')
    return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Unknown path.' } });
  const r = listFolder(state.scope, url.searchParams.get('dir') || null, url.searchParams.get('root'));
  if (r.ok) return send(res, 200, { ok: true, value: r.listing });
  const code = r.status === 403 ? 'forbidden' : r.status === 404 ? 'not_found' : 'invalid_input';
  return send(res, r.status, { ok: false, error: { code, message: r.message } });
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
