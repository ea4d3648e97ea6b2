import type { ApiClient, ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import type { CustodianBridge } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import { browserShell } from './browser-shell';

declare global {
  interface Window {
    /** Present in Electron: the preload's bridge. */
    custodian?: CustodianBridge;
  }
}

/** The bridge's token travels in the URL fragment (never sent to a server, never in a Referer). */
function bridgeToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('custodian-token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem('custodian-token') ?? '';
}

function httpClient(): ApiClient & { token: string } {
  const token = bridgeToken();
  return {
    token,
    async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>> {
      try {
        const res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        if (res.status === 401) return { ok: false, error: { code: 'unauthorized', message: 'This page’s link has expired: open the link custodian serve printed.' } };
        return (await res.json()) as Result<ApiOutput<M>>;
      } catch (e) {
        return { ok: false, error: { code: 'offline', message: `The Custodian bridge does not answer (${String(e)}).` } };
      }
    },
  };
}

const http = window.custodian ? null : httpClient();

/** The one client the renderer uses: IPC in Electron, HTTP through `custodian serve` in a browser. */
export const client: ApiClient = window.custodian ?? http!;
export const shell: CustodianBridge['shell'] = window.custodian?.shell ?? browserShell(http!.token);

/** Calls a method and throws its error message (for code that shows errors in one place). */
export async function callOrThrow<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const r = await client.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
