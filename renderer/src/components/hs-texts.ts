import { useEffect, useState } from 'react';
import { client } from '../api/client';

/** HS 2022 texts already fetched: the nomenclature never changes, so each code is asked for once a session. */
const known = new Map<string, string | null>();

/**
 * The HS 2022 text of each given code (chapter "84", heading "8807", any
 * longer code: its most specific level), by code. The codes not yet known
 * are fetched in one call; codes without a text are left out.
 */
export function useHsTexts(codes: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(codes.filter((c) => /^\d{2,10}$/.test(c)))].sort().join(',');
  const [, setFetched] = useState(0);
  useEffect(() => {
    const missing = key ? key.split(',').filter((c) => !known.has(c)) : [];
    if (!missing.length) return;
    let live = true;
    void client.call('goods.describe', { codes: missing }).then((r) => {
      if (!r.ok) return;
      for (const { code, text } of r.value) known.set(code, text);
      if (live) setFetched((n) => n + 1);
    });
    return () => void (live = false);
  }, [key]);
  const out = new Map<string, string>();
  for (const c of key ? key.split(',') : []) {
    const text = known.get(c);
    if (text) out.set(c, text);
  }
  return out;
}
