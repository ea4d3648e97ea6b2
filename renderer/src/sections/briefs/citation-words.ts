import { useEffect, useMemo, useState } from 'react';
import { citationKey, type Citation } from '../../../../shared/domain/briefs';
import { client } from '../../api/client';

/** Citation numbers in order of first citation through the findings, as the PDF numbers them. */
export function citationNumbers(findings: { citations: Citation[] }[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const f of findings)
    for (const c of f.citations) if (!numbers.has(citationKey(c))) numbers.set(citationKey(c), numbers.size + 1);
  return numbers;
}

/**
 * What each cited piece of evidence is, by name, keyed by `citationKey`:
 * asked of the case in one call for the whole brief (`briefs.citations`),
 * and again only when the set of evidence changes — not when a finding's
 * text does.
 */
export function useCitationLines(findings: { citations: Citation[] }[]): Map<string, string> {
  const unique = new Map<string, Citation>();
  for (const f of findings) for (const c of f.citations) if (!unique.has(citationKey(c))) unique.set(citationKey(c), c);
  const keys = [...unique.keys()].sort().join('\n');
  const [lines, setLines] = useState(new Map<string, string>());
  const citations = useMemo(() => [...unique.values()], [keys]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (citations.length === 0) return;
    let alive = true;
    void client.call('briefs.citations', { citations }).then((r) => {
      if (alive && r.ok) setLines(new Map(Object.entries(r.value)));
    });
    return () => {
      alive = false;
    };
  }, [citations]);
  return lines;
}
