import { create } from 'zustand';
import { useApp } from '../../state/store';

/**
 * Which document the Documents section shows, at which page, with which
 * terms highlighted. Other sections (search, entities, briefs) open a
 * document through `openDocument` to land on the cited page.
 */
interface DocumentsNav {
  documentId: number | null;
  /** The case the document belongs to: after another case is opened, the viewer does not show a stale id. */
  caseId: string | null;
  page: number;
  /** Words to highlight (a search's terms, or an excerpt's quote). */
  terms: string[];
  /** Bumped on every open, so that the viewer scrolls even to the same page again. */
  seq: number;
  open(documentId: number, page?: number, terms?: string[]): void;
  setPage(page: number): void;
  close(): void;
}

export const useDocumentsNav = create<DocumentsNav>((set, get) => ({
  documentId: null,
  caseId: null,
  page: 1,
  terms: [],
  seq: 0,
  open: (documentId, page = 1, terms = []) =>
    set({ documentId, page, terms, seq: get().seq + 1, caseId: useApp.getState().caseInfo?.caseId ?? null }),
  setPage: (page) => set({ page }),
  close: () => set({ documentId: null, page: 1, terms: [] }),
}));

/** The words of a query, split as the backend splits them. */
export const termsOf = (query: string): string[] => query.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);

/** For other sections (mixed search results, entity pages, briefs): switch to Documents, at the page, with the terms marked. */
export function openDocumentAt(documentId: number, page = 1, terms: string[] = []): void {
  useDocumentsNav.getState().open(documentId, page, terms);
  useApp.getState().setSection('documents');
}
