import type { CustodianBridge } from '../../../shared/bridge';

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

/**
 * The browser has no native dialogs onto the machine's disk. Cases are opened
 * and saved by path (the bridge runs on this machine); files to import are
 * picked with the browser's own picker and uploaded to the bridge.
 */
export function browserShell(token: string): CustodianBridge['shell'] {
  return {
    pickOpenPath: (kind) =>
      kind === 'case'
        ? Promise.resolve(window.prompt('Path of the case file to open (on this computer):')?.trim() || null)
        : pickAndUpload(token, kind),
    pickSavePath: (_kind, suggestedName) =>
      Promise.resolve(window.prompt('Save as (full path on this computer):', suggestedName)?.trim() || null),
    onMenu: () => () => undefined,
  };
}
