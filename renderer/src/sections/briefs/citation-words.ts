import { citationKey, type Citation } from '../../../../shared/domain/briefs';
import { describeRecordFilter } from '../../../../shared/domain/record-filter-words';
import { client } from '../../api/client';

/** Citation numbers in order of first citation through the findings, as the PDF numbers them. */
export function citationNumbers(findings: { citations: Citation[] }[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const f of findings)
    for (const c of f.citations) if (!numbers.has(citationKey(c))) numbers.set(citationKey(c), numbers.size + 1);
  return numbers;
}

const ids = (list: number[]) =>
  list.length <= 6 ? list.map((id) => `#${id}`).join(', ') : `#${list[0]} … #${list[list.length - 1]}`;

/** What a citation points at, in a line, looked up in the case now ("[source removed]" when it is gone). */
export async function citationWords(c: Citation): Promise<string> {
  const gone = ' [source removed]';
  switch (c.kind) {
    case 'records':
      return `${c.label ?? `${c.ids.length} customs record${c.ids.length === 1 ? '' : 's'}`} (${ids(c.ids)})`;
    case 'filter': {
      const count = await client.call('records.count', c.filter);
      const words = describeRecordFilter(c.filter);
      return `Saved filter: ${c.label ?? words}${count.ok ? ` — ${count.value.toLocaleString()} records now` : ''}`;
    }
    case 'excerpt': {
      const r = await client.call('excerpts.get', { id: c.id });
      return r.ok ? `Excerpt, page ${r.value.page}: “${r.value.quote}”` : `Excerpt #${c.id}${gone}`;
    }
    case 'link': {
      const r = await client.call('links.get', { id: c.id });
      if (!r.ok) return `Link #${c.id}${gone}`;
      const l = r.value;
      const type = l.type === 'custom' ? (l.customLabel ?? 'linked to') : l.type.replace(/_/g, ' ');
      return `Link #${l.id}: entity ${l.sourceEntity} — ${type} — entity ${l.targetEntity} (${l.grade})`;
    }
    case 'diagram': {
      const r = await client.call('diagrams.get', { id: c.id });
      return r.ok ? `Diagram: ${r.value.name}` : `Diagram #${c.id}${gone}`;
    }
    case 'hit':
      return `Screening hit #${c.id}`;
  }
}
