import { EventEmitter } from 'node:events';
import type { App, BrowserWindow, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import {
  allowNavigation,
  hardenApp,
  hardenSession,
  hardenWindow,
  isOwnPage,
  isSafeExternalUrl,
  isTrustedSender,
  rendererUrl,
  secureWebPreferences,
  windowOpenDecision,
} from '../../electron/main/security';

const OWN = rendererUrl('/opt/Custodian/resources/app.asar/out/renderer/index.html');

describe('renderer security settings', () => {
  it('isolates and sandboxes the page, with no Node, webview or spellchecker', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('knows its own page, with or without a hash route, and nothing else', () => {
    expect(OWN).toBe('file:///opt/Custodian/resources/app.asar/out/renderer/index.html');
    expect(isOwnPage(`${OWN}#/records`, OWN)).toBe(true);
    expect(isOwnPage(`${OWN}?x=1`, OWN)).toBe(true);
    expect(isOwnPage('file:///opt/Custodian/resources/app.asar/out/renderer/other.html', OWN)).toBe(false);
    expect(isOwnPage('file:///etc/passwd', OWN)).toBe(false);
    expect(isOwnPage('https://example.com/', OWN)).toBe(false);
    expect(isOwnPage('not a url', OWN)).toBe(false);
    // A path with spaces and non-ASCII letters (a Windows or Russian home folder) still matches itself.
    const odd = rendererUrl('/home/Следователь/My Apps/out/renderer/index.html');
    expect(isOwnPage(odd, odd)).toBe(true);
  });

  it('allows navigation only to its own page and denies every new window', () => {
    expect(allowNavigation(OWN, OWN)).toBe(true);
    expect(allowNavigation('https://evil.example/', OWN)).toBe(false);
    expect(allowNavigation('file:///tmp/imported.html', OWN)).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('hands only http(s) links to the OS', () => {
    expect(isSafeExternalUrl('https://sanctionssearch.ofac.treas.gov/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b')).toBe(true);
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'data:text/html,x',
      'https://',
      'mailto:a@b.c',
      '',
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
  });

  it('trusts IPC only from its own page in the top frame', () => {
    expect(isTrustedSender({ frameUrl: OWN, isMainFrame: true }, OWN)).toBe(true);
    expect(isTrustedSender({ frameUrl: `${OWN}#/x`, isMainFrame: true }, OWN)).toBe(true);
    expect(isTrustedSender({ frameUrl: OWN, isMainFrame: false }, OWN)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', isMainFrame: true }, OWN)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'blob:file:///abc', isMainFrame: false }, OWN)).toBe(false);
    expect(isTrustedSender({ frameUrl: null, isMainFrame: true }, OWN)).toBe(false);
  });
});

describe('hardening Electron objects (fakes)', () => {
  it('denies permission requests and checks, and adds the CSP header', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    };
    hardenSession(session as unknown as Session, CONTENT_SECURITY_POLICY);
    const answer = vi.fn();
    request!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
    const done = vi.fn();
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('prevents navigation away, offers web links to the browser, and denies window.open', () => {
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler(h: (d: { url: string }) => unknown): void;
    };
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    const external = vi.fn();
    hardenWindow({ webContents: contents } as unknown as BrowserWindow, OWN, external);

    const navigate = (url: string, event = 'will-navigate') => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate(`${OWN}#/records`)).toBe(false);
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('https://example.com/r', 'will-redirect')).toBe(true);
    expect(external.mock.calls.map((c) => c[0])).toEqual(['https://example.com/', 'https://example.com/r']);

    external.mockClear();
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(external.mock.calls.map((c) => c[0])).toEqual(['https://example.org/']);
  });

  it('refuses webviews and new windows in any web contents of the app', () => {
    const app = new EventEmitter();
    hardenApp(app as unknown as App);
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(h: () => unknown): void };
    let openHandler: (() => unknown) | undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    app.emit('web-contents-created', {}, contents);
    const e = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});
