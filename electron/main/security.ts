import type { App, BrowserWindow, Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';

/**
 * The renderer's security settings and the decisions the shell makes about
 * navigation, new windows, permissions, external links and IPC senders.
 * The decisions are plain functions of their arguments (unit-tested under
 * Node); the `harden…` functions only attach them to Electron objects.
 */

/** The one page the window may show, as the URL Chromium reports for it. */
export function rendererUrl(rendererIndexHtml: string): string {
  return pathToFileURL(rendererIndexHtml).href;
}

/** The renderer is untrusted as far as the OS goes: no Node, sandboxed, isolated from the preload. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // The spellchecker would download dictionaries: the app must never reach the network.
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    safeDialogs: true,
  };
}

/** Drops the query and fragment: the renderer may use a hash for its own routing. */
function pageOf(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return null;
  }
}

/** True when `url` is our renderer page (a reload, or the hash router), not somewhere else. */
export function isOwnPage(url: string, ownUrl: string): boolean {
  const page = pageOf(url);
  return page !== null && page === pageOf(ownUrl);
}

/** `will-navigate` / `will-redirect`: only to our own page; everything else is prevented. */
export function allowNavigation(url: string, ownUrl: string): boolean {
  return isOwnPage(url, ownUrl);
}

/** `setWindowOpenHandler`: the app never opens a second web page; links go through openExternal. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Only web links may be handed to the OS (never file:, javascript:, smb:, custom handlers). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** What an IPC handler knows about the frame that sent a message. */
export interface SenderInfo {
  /** URL of the sending frame, or null when the frame is gone. */
  frameUrl: string | null;
  /** Whether the frame is the window's top frame (not an iframe showing a document). */
  isMainFrame: boolean;
}

/** Only our own page, in its top frame, may call the backend. */
export function isTrustedSender(sender: SenderInfo, ownUrl: string): boolean {
  return sender.isMainFrame && sender.frameUrl !== null && isOwnPage(sender.frameUrl, ownUrl);
}

/** Reads SenderInfo off an Electron IPC event (kept apart so the check itself stays testable). */
export function senderInfo(event: { sender: WebContents; senderFrame: WebFrameMain | null }): SenderInfo {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

/** Denies every permission (camera, notifications, geolocation, clipboard-read …) and answers checks with no. */
export function hardenSession(session: Session, csp: string): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The header; the renderer's index.html carries the same policy as a meta tag, which covers file:// loads.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

/** Wires the decisions into one window's page. `openExternal` asks the person first (see main.ts). */
export function hardenWindow(win: BrowserWindow, ownUrl: string, openExternal: (url: string) => void): void {
  const contents = win.webContents;
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (allowNavigation(url, ownUrl)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return windowOpenDecision();
  });
}

/** App-wide guards for any web contents, including ones we did not create. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => windowOpenDecision());
  });
}
