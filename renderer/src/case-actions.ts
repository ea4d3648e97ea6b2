import { client, shell } from './api/client';
import { askText } from './components/TextDialog';
import { useApp } from './state/store';

/** What the welcome screen, the menu and the sidebar do with cases; errors land in the status line. */
async function apply(result: Awaited<ReturnType<typeof client.call<'case.open'>>>): Promise<void> {
  if (result.ok) useApp.getState().setCase(result.value);
  else useApp.getState().setError(result.error.message);
}

export async function openCase(path?: string): Promise<void> {
  const chosen = path ?? (await shell.pickOpenPath('case'));
  if (chosen) await apply(await client.call('case.open', { path: chosen }));
}

export async function newCase(): Promise<void> {
  const path = await shell.pickSavePath('case', 'investigation.case', 'New case');
  if (!path) return;
  // In-app, not window.prompt: Electron does not support prompt().
  const title = await askText({
    title: 'New case',
    label: 'Title of the new case',
    initial: 'New investigation',
    action: 'Create case',
  });
  if (title) await apply(await client.call('case.create', { path, title }));
}

export async function openSample(): Promise<void> {
  useApp.getState().setError(null);
  await apply(await client.call('case.openSample', {}));
}

export async function saveCopy(): Promise<void> {
  const info = useApp.getState().caseInfo;
  if (!info) return;
  const path = await shell.pickSavePath('case', `${info.title || 'case'} (copy).case`, 'Save a copy');
  if (!path) return;
  const r = await client.call('case.saveCopy', { path });
  useApp.getState().setError(r.ok ? null : r.error.message);
}

export async function closeCase(): Promise<void> {
  await client.call('case.close', {});
  useApp.getState().setCase(null);
}
