import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/bridge';

/**
 * The application menu as a plain template. Actions on a case (New, Open,
 * Save a copy, Close) are sent to the page as MenuCommands, because the
 * page owns the flow (asking for a title, showing errors, switching views);
 * the shell only does what has no page equivalent (Quit, About, devtools).
 */
export interface MenuInputs {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and devtools exist only while developing. */
  isPackaged: boolean;
  /** Recently opened cases, newest first (core's recent list). */
  recent: readonly string[];
  /** Whether a case is open (Save a copy and Close need one). */
  hasCase: boolean;
  /** Whether the open case is a received one (read-only: it cannot be exported again as it is). */
  readOnly?: boolean;
  send(command: MenuCommand): void;
  about(): void;
}

/** Menu labels use & for the access key; a path with & would lose it. */
const escapeLabel = (s: string) => s.replace(/&/g, '&&');

export function recentSubmenu(recent: readonly string[], send: MenuInputs['send']): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent cases', enabled: false }];
  return recent.map((path, i) => ({
    label: `${i < 9 ? `&${i + 1} ` : ''}${escapeLabel(basename(path))}`,
    sublabel: path,
    toolTip: path,
    click: () => send({ type: 'open-path', path }),
  }));
}

export function buildMenuTemplate(m: MenuInputs): MenuItemConstructorOptions[] {
  const mac = m.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New case…', accelerator: 'CmdOrCtrl+N', click: () => m.send({ type: 'new-case' }) },
      { label: '&Open case…', accelerator: 'CmdOrCtrl+O', click: () => m.send({ type: 'open-case' }) },
      { label: 'Open &recent', submenu: recentSubmenu(m.recent, m.send) },
      { label: 'Open sa&mple case', click: () => m.send({ type: 'open-sample' }) },
      { type: 'separator' },
      {
        label: '&Save a copy…',
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: m.hasCase,
        click: () => m.send({ type: 'save-copy' }),
      },
      {
        label: '&Export for a colleague…',
        enabled: m.hasCase && !m.readOnly,
        click: () => m.send({ type: 'export-for-colleague' }),
      },
      {
        label: '&Merge a colleague’s case…',
        enabled: m.hasCase && !m.readOnly,
        click: () => m.send({ type: 'merge-colleague' }),
      },
      { label: '&Identity and colleagues…', click: () => m.send({ type: 'identity' }) },
      { type: 'separator' },
      {
        label: '&Close case',
        accelerator: 'CmdOrCtrl+W',
        enabled: m.hasCase,
        click: () => m.send({ type: 'close-case' }),
      },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { label: '&Quit', role: 'quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const developing: MenuItemConstructorOptions[] = m.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...developing,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: `&About ${m.appName}`, click: () => m.about() }],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: m.appName,
    submenu: [
      { label: `About ${m.appName}`, click: () => m.about() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, help];
}
