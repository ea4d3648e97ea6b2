import type { ApiClient, ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import type { CustodianBridge } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import { bridgeFetch } from './bridge-fetch';
import { browserShell } from './browser-shell';

declare global {
  interface Window {
    /** Present in Electron: the preload's bridge. */
    custodian?: CustodianBridge;
  }
}

/**
 * The bridge's token travels in the URL fragment (never sent to a server,
 * never in a Referer): `#token=…` as `custodian serve` prints it, or beside a
 * route (`#/records?q=…&token=…`). It is read once and kept in sessionStorage,
 * so a reload or a route change (which rewrites the fragment) keeps working;
 * the route, if any, stays in the address without the token.
 */
function bridgeToken(): string {
  const hash = location.hash.slice(1);
  const cut = hash.startsWith('/') ? hash.indexOf('?') : -1;
  const params = new URLSearchParams(hash.startsWith('/') ? (cut < 0 ? '' : hash.slice(cut + 1)) : hash);
  const fromHash = params.get('token');
  if (fromHash) {
    sessionStorage.setItem('custodian-token', fromHash);
    params.delete('token');
    const rest = params.toString();
    const route = hash.startsWith('/') ? `#${cut < 0 ? hash : hash.slice(0, cut)}${rest ? `?${rest}` : ''}` : '';
    history.replaceState(null, '', location.pathname + location.search + route);
    return fromHash;
  }
  return sessionStorage.getItem('custodian-token') ?? '';
}

function httpClient(): ApiClient & { token: string } {
  const token = bridgeToken();
  return {
    token,
    async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>> {
      return bridgeFetch<ApiOutput<M>>(`/api/${method}`, token, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
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
