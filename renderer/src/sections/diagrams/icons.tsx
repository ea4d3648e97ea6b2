import type { NodeKind } from '../../../../shared/domain/diagrams';

/**
 * Small line icons for node kinds, drawn as SVG: emoji depend on a colour
 * font the investigator's machine may lack (they showed as empty boxes).
 */
const PATHS: Record<NodeKind | 'comment', string> = {
  entity: 'M2 14V3h7v11M9 7h5v7M4 5h1M6 5h1M4 8h1M6 8h1M4 11h1M6 11h1M11 9h1M11 12h1M1 14h14',
  document: 'M3 1h7l3 3v11H3zM10 1v3h3M5 7h6M5 10h6M5 13h4',
  excerpt: 'M3 5h4v4H5l-2 3zM9 5h4v4h-2l-2 3z',
  note: 'M2 2h12v9H7l-4 3v-3H2z',
  group: 'M1 3h14v10H1zM1 6h14',
  comment: 'M2 2h12v9H7l-4 3v-3H2z',
};

export function KindIcon({ kind, title }: { kind: NodeKind | 'comment'; title?: string }) {
  return (
    <svg className="kind-icon" width="13" height="13" viewBox="0 0 16 16" aria-hidden={title ? undefined : true}>
      {title && <title>{title}</title>}
      <path d={PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}
