import { useMemo } from 'react';
import { intOrNull, listParams, navigate, parseHash, useRoute, type Route } from '../../router';

/**
 * Which document the Documents section shows, at which page, with which
 * terms highlighted: all of it in the URL (`#/documents/3/page/2?hl=Ulan|Ude`),
 * so Back, Forward and reload keep the place. Other sections (search, entity
 * pages, briefs) open a document through `openDocumentAt` to land on the
 * cited page.
 */
/** Between highlighted terms in the URL: a quote's terms hold spaces, and a bar is rare in a quote and harmless if split. */
const TERM_SEPARATOR = '|';

export function useDocumentsNav() {
  const route = useRoute((s) => s.route);
  // Bumped on every navigation, so that the viewer scrolls even to the same page again.
  const seq = useRoute((s) => s.seq);
  const documentId = route.section === 'documents' ? intOrNull(route.path[0]) : null;
  const page = (route.path[1] === 'page' ? intOrNull(route.path[2]) : null) ?? 1;
  const hl = route.params.hl ?? '';
  const terms = useMemo(() => hl.split(TERM_SEPARATOR).filter(Boolean), [hl]);
  return {
    documentId,
    page,
    terms,
    seq,
    open: openDocumentAt,
    setPage: (p: number) => documentId !== null && navigate(documentRoute(documentId, p, terms), { replace: true }),
    close: () => navigate({ section: 'documents', path: [], params: documentsListParams() }),
  };
}

/** The Documents list's own state (search text, tab), from where the section is or was last. */
function documentsListParams(): Record<string, string> {
  const { route, places } = useRoute.getState();
  if (route.section === 'documents') return listParams(route.params);
  const last = places.documents;
  return last ? listParams(parseHash(last).params) : {};
}

function documentRoute(documentId: number, page: number, terms: string[]): Route {
  const params: Record<string, string> = { ...documentsListParams() };
  if (terms.length) params.hl = terms.join(TERM_SEPARATOR);
  return { section: 'documents', path: [String(documentId), 'page', String(page)], params };
}

/** The words of a query, split as the backend splits them. */
export const termsOf = (query: string): string[] => query.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);

/** For any section (the list, mixed search results, entity pages, briefs): Documents, at the page, with the terms marked. */
export function openDocumentAt(documentId: number, page = 1, terms: string[] = []): void {
  navigate(documentRoute(documentId, page, terms));
}
