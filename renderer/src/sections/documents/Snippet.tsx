import type { ReactNode } from 'react';

/** A snippet with the searched terms marked (case-insensitive), as React nodes: no HTML is ever injected. */
export function highlightSnippet(snippet: string, terms: string[]): ReactNode[] {
  const words = terms.filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [snippet];
  const parts = snippet.split(new RegExp(`(${words.join('|')})`, 'giu'));
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p));
}
