import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const REPO = resolve(__dirname, '../..');
export const SAMPLES = resolve(REPO, '../shared/fixtures/samples');
export const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
export const chromiumPath = CANDIDATES.find((p): p is string => !!p && existsSync(p));

/**
 * Where CI is set, a missing browser fails the run; elsewhere the e2e tests
 * are skipped, and say so loudly.
 */
export function browserOrSkip(): boolean {
  if (chromiumPath) return true;
  if (process.env.CI)
    throw new Error('No Chromium found (install Debian `chromium`): CI must run the end-to-end tests.');
  console.warn('\n*** END-TO-END TESTS SKIPPED: no Chromium at /usr/bin/chromium (apt-get install -y chromium) ***\n');
  return false;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Runs the real CLI (`custodian …`); throws with its stderr on failure. */
export function cli(args: string[], env: Record<string, string> = {}): unknown {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'custodian.mjs'), ...args, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`custodian ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

export interface Served {
  url: string;
  port: number;
  token: string;
  home: string;
  stop(): Promise<void>;
}

/**
 * Starts `custodian serve` on a case (or the sample) with its own app folder;
 * `env` adds to its environment (a HOME of the test's own, so that the
 * in-app file dialog never shows the real one).
 */
export async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const home = mkdtempSync(join(tmpdir(), 'custodian-e2e-home-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO, 'bin', 'custodian.mjs'), 'serve', ...args, '--json'],
    {
      env: { ...process.env, CUSTODIAN_HOME: home, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', ok);
    child.once('exit', (code) => fail(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const info = JSON.parse(first) as { url: string; port: number; token: string };
  return {
    ...info,
    home,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

export interface ServedCase {
  browser: Browser;
  served: Served;
  /** A temporary folder for the test's own files, removed afterwards. */
  dir: string;
  casePath: string;
}

/**
 * Registers beforeAll/afterAll that make a new case through the real CLI
 * (`prepare` may import into it), serve it and launch Chromium; the returned
 * object is filled in before the tests run.
 */
export function servedCase(title: string, prepare: (casePath: string) => void = () => undefined): ServedCase {
  const ctx = {} as ServedCase;
  beforeAll(async () => {
    ctx.dir = mkdtempSync(join(tmpdir(), 'custodian-e2e-'));
    ctx.casePath = join(ctx.dir, 'e2e.case');
    cli(['new', ctx.casePath, '--title', title]);
    prepare(ctx.casePath);
    ctx.served = await serve([ctx.casePath]);
    ctx.browser = await launch();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.served?.stop();
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}

/** What the bridge answers a call: ok and the method's value, or not ok and its error. */
export interface ApiAnswer<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

/** Calls the core through the bridge, as the renderer does, and returns its answer whether it succeeded or not. */
export async function askApi<T>(served: Served, method: string, input: unknown): Promise<ApiAnswer<T>> {
  const res = await fetch(new URL(`/api/${method}`, served.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as ApiAnswer<T>;
}

/** Calls the core through the bridge, as the renderer does (to check what a page shows against it); throws its error. */
export async function callApi<T>(served: Served, method: string, input: unknown): Promise<T> {
  const r = await askApi<T>(served, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

export interface ServedSample {
  browser: Browser;
  served: Served;
  /** The HOME the bridge runs with (the in-app file dialog's home), removed afterwards. */
  home: string;
}

/**
 * Registers beforeAll/afterAll that serve the sample case with a HOME of the
 * test's own (`prepareHome` may fill it first) and launch Chromium; the
 * returned object is filled in before the tests run.
 */
export function servedSample(prepareHome: (home: string) => void = () => undefined): ServedSample {
  const ctx = {} as ServedSample;
  beforeAll(async () => {
    ctx.home = mkdtempSync(join(tmpdir(), 'custodian-e2e-sample-home-'));
    prepareHome(ctx.home);
    ctx.served = await serve(['--sample'], { HOME: ctx.home });
    ctx.browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.served?.stop();
    if (ctx.home) rmSync(ctx.home, { recursive: true, force: true });
  });
  return ctx;
}

/**
 * A new page (1440×900 unless `options` say otherwise) on the app at `url`;
 * its uncaught errors are pushed onto `errors`, for the test to check none came.
 */
export async function watchedPage(
  browser: Browser,
  url: string,
  errors: string[],
  options: Parameters<Browser['newPage']>[0] = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, ...options });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return page;
}

/** Loads the app at `url` and waits until the sidebar shows the case titled `title` (the sample builds slowly). */
export async function openCase(page: Page, url: string, title = 'Sample case'): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Case sections' }).getByText(title).waitFor({ timeout: 120_000 });
}
