import { BrowserWindow, dialog, shell } from 'electron';
import { IPC, type MenuCommand } from '../../shared/bridge';
import type { ShellPaths } from './paths';
import { hardenWindow, isSafeExternalUrl, rendererUrl, secureWebPreferences } from './security';

/**
 * The one window: our renderer page under the security settings of
 * security.ts, plus a way to send it menu commands that waits until the
 * page has loaded (the preload keeps them until the page listens).
 */
export interface MainWindow {
  win: BrowserWindow;
  send(command: MenuCommand): void;
}

/** A web link is handed to the OS browser only after the person agrees: the app itself stays offline. */
export async function confirmOpenExternal(win: BrowserWindow | null, url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return;
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    message: 'Open this link in your web browser?',
    detail: `${url}\n\nThe browser will connect to the internet; Custodian itself does not.`,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response === 1) await shell.openExternal(url);
}

export function createMainWindow(paths: ShellPaths, platform: NodeJS.Platform): MainWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Custodian',
    backgroundColor: '#f5f5f4',
    ...(platform === 'linux' ? { icon: paths.icon } : {}),
    webPreferences: secureWebPreferences(paths.preload),
  });
  const ownUrl = rendererUrl(paths.rendererIndex);
  hardenWindow(win, ownUrl, (url) => void confirmOpenExternal(win, url));
  win.once('ready-to-show', () => win.show());

  let loaded = false;
  const queue: MenuCommand[] = [];
  win.webContents.on('did-finish-load', () => {
    loaded = true;
    for (const c of queue.splice(0)) win.webContents.send(IPC.menu, c);
  });
  // A reload starts over: hold commands until the new page is there.
  win.webContents.on('did-start-loading', () => {
    loaded = false;
  });
  void win.loadFile(paths.rendererIndex);

  return {
    win,
    send(command) {
      if (win.isDestroyed()) return;
      if (loaded) win.webContents.send(IPC.menu, command);
      else queue.push(command);
    },
  };
}
