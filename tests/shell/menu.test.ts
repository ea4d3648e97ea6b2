import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/bridge';
import { buildMenuTemplate, type MenuInputs } from '../../electron/main/menu';

const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);
const find = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((i) => i.label?.replace(/&/g, '') === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as unknown as () => void)();

function inputs(over: Partial<MenuInputs> = {}): MenuInputs & { sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  return {
    appName: 'Custodian',
    platform: 'linux',
    isPackaged: true,
    recent: [],
    hasCase: true,
    send: (c) => sent.push(c),
    about: vi.fn(),
    sent,
    ...over,
  };
}

describe('application menu', () => {
  it('has File, Edit, View and Help; File has the case commands in order', () => {
    const m = inputs();
    const template = buildMenuTemplate(m);
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = sub(template[0]).filter((i) => i.type !== 'separator');
    expect(file.map((i) => i.label?.replace(/&/g, ''))).toEqual([
      'New case…',
      'Open case…',
      'Open recent',
      'Open sample case',
      'Save a copy…',
      'Export for a colleague…',
      'Merge a colleague’s case…',
      'Identity and colleagues…',
      'Close case',
      'Quit',
    ]);
    for (const [label, type] of [
      ['New case…', 'new-case'],
      ['Open case…', 'open-case'],
      ['Open sample case', 'open-sample'],
      ['Save a copy…', 'save-copy'],
      ['Export for a colleague…', 'export-for-colleague'],
      ['Merge a colleague’s case…', 'merge-colleague'],
      ['Identity and colleagues…', 'identity'],
      ['Close case', 'close-case'],
    ] as const) {
      click(find(file, label));
      expect(m.sent.at(-1)).toEqual({ type });
    }
    expect(find(file, 'Quit')!.role).toBe('quit');
  });

  it('lists recent cases newest first, each opening its path; says so when there are none', () => {
    const m = inputs({ recent: ['/cases/ulan-ude.case', '/cases/R&D.case'] });
    const recent = sub(find(sub(buildMenuTemplate(m)[0]), 'Open recent'));
    expect(recent.map((r) => r.label)).toEqual(['&1 ulan-ude.case', '&2 R&&D.case']);
    click(recent[1]);
    expect(m.sent).toEqual([{ type: 'open-path', path: '/cases/R&D.case' }]);
    const none = sub(find(sub(buildMenuTemplate(inputs())[0]), 'Open recent'));
    expect(none).toEqual([{ label: 'No recent cases', enabled: false }]);
  });

  it('disables Save a copy and Close without an open case', () => {
    const file = sub(buildMenuTemplate(inputs({ hasCase: false }))[0]);
    expect(find(file, 'Save a copy…')!.enabled).toBe(false);
    expect(find(file, 'Close case')!.enabled).toBe(false);
    expect(find(file, 'New case…')!.enabled).toBeUndefined();
    expect(find(file, 'Export for a colleague…')!.enabled).toBe(false);
  });

  it('does not offer to export a received case (it is read-only; Save as my case first)', () => {
    const file = sub(buildMenuTemplate(inputs({ readOnly: true }))[0]);
    expect(find(file, 'Export for a colleague…')!.enabled).toBe(false);
    expect(find(file, 'Merge a colleague’s case…')!.enabled).toBe(false);
    expect(find(file, 'Save a copy…')!.enabled).toBe(true);
  });

  it('offers reload and devtools only while developing', () => {
    const roles = (packaged: boolean) => sub(buildMenuTemplate(inputs({ isPackaged: packaged }))[2]).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('has About in Help, and on macOS an app menu holding About and Quit', () => {
    const m = inputs({ platform: 'darwin' });
    const template = buildMenuTemplate(m);
    expect(labels(template)).toEqual(['Custodian', '&File', '&Edit', '&View', '&Help']);
    expect(
      sub(template[0])
        .map((i) => i.role)
        .filter(Boolean),
    ).toContain('quit');
    expect(find(sub(template[1]), 'Quit')).toBeUndefined();
    click(sub(template[4])[0]);
    expect(m.about).toHaveBeenCalled();
  });
});
