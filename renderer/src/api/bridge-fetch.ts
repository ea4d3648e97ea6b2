import type { Result } from '../../../shared/result';

/**
 * A request to the browser bridge with the page's token, and its answer; or,
 * as an answer too, why there is none: the page's link has expired (the
 * bridge was restarted with a new token), or the bridge does not answer.
 */
export async function bridgeFetch<T>(
  url: string,
  token: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
): Promise<Result<T>> {
  try {
    const res = await fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    if (res.status === 401)
      return {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'This page’s link has expired: open the link custodian serve printed.',
        },
      };
    return (await res.json()) as Result<T>;
  } catch (e) {
    return { ok: false, error: { code: 'offline', message: `The Custodian bridge does not answer (${String(e)}).` } };
  }
}
