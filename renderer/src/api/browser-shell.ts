import type { CustodianBridge, FolderListing } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import { pickCaseFile } from '../components/CaseFileDialog';
import { bridgeFetch } from './bridge-fetch';

const ACCEPT: Record<string, string> = {
  customs: '.csv,.tsv,.txt,.xlsx,.jsonl,.json',
  document: '.pdf,.html,.htm,.mhtml,.docx,.txt,.md,.png,.jpg,.jpeg',
  list: '.csv,.json,.jsonl',
  case: '.case',
};

/** Lets the person pick a file in the browser and stages it on the bridge, which answers with a path. */
function pickAndUpload(token: string, kind: string): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind] ?? '';
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: file,
      });
      const body = (await res.json()) as { ok: boolean; value?: { path: string } };
      resolve(body.ok && body.value ? body.value.path : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** A folder on the bridge's machine (null: the first root) under `root`, as the bridge lists it for the case file dialog. */
async function listFolder(token: string, dir: string | null, root?: string): Promise<Result<FolderListing>> {
  const query = new URLSearchParams();
  if (dir !== null) query.set('dir', dir);
  if (root) query.set('root', root);
  return bridgeFetch<FolderListing>(`/fs/list?${query.toString()}`, token);
}

/**
 * The browser has no native dialogs onto the machine's disk. Cases are opened
 * and saved in place (the bridge runs on this machine), so an in-app dialog
 * browses the bridge's folders — only home and the sample folder; files to
 * import are picked with the browser's own picker and uploaded to the bridge.
 */
export function browserShell(token: string): CustodianBridge['shell'] {
  const list = (dir: string | null, root?: string) => listFolder(token, dir, root);
  return {
    pickOpenPath: (kind) =>
      kind === 'case'
        ? pickCaseFile({ mode: 'open', title: 'Open case', action: 'Open', list })
        : pickAndUpload(token, kind),
    pickSavePath: (kind, suggestedName, purpose) =>
      kind === 'case'
        ? pickCaseFile({
            mode: 'save',
            title: purpose ?? 'Save case',
            action: purpose?.startsWith('New') ? 'Create' : 'Save',
            suggestedName,
            list,
          })
        : // Exports (briefs, diagrams, CSV) are not built yet; they will be downloads in a browser, not paths.
          Promise.resolve(window.prompt('Save as (full path on this computer):', suggestedName)?.trim() || null),
    onMenu: () => () => undefined,
  };
}
