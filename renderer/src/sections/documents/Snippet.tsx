import type { ReactNode } from 'react';
import { termPattern } from './highlight';

/** A snippet with the searched terms marked (case-insensitive), as React nodes: no HTML is ever injected. */
export function highlightSnippet(snippet: string, terms: string[]): ReactNode[] {
  const words = terms.filter(Boolean);
  if (words.length === 0) return [snippet];
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of snippet.matchAll(termPattern(words))) {
    out.push(snippet.slice(last, m.index), <mark key={m.index}>{m[0]}</mark>);
    last = m.index + m[0].length;
  }
  out.push(snippet.slice(last));
  return out;
}
