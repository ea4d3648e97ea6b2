import type { SearchHit } from '../../../shared/domain/records';
import { matchPages, scanPages, type PageMatch } from '../db/document-pages';
import { foldForIndex } from '../db/records-fts';
import type { ReadDb } from '../db/types';

/** Scripts written without spaces between words: searched by character trigrams, not words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** The words of a query, as the records search splits them (spaces and punctuation). */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFC')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}

/**
 * Full-text search over document pages: every term must be on the page.
 * Latin, Cyrillic and other spaced scripts go to the word index (prefix
 * terms, case and diacritics folded); a query with Chinese, Japanese or
 * Korean goes to the trigram index (substring match), and CJK terms of one
 * or two characters, which no trigram holds, to a scan of the page text.
 */
export function searchDocuments(db: ReadDb, query: string, limit: number, documentId?: number): SearchHit[] {
  return findPages(db, query, limit, documentId).map((m) => ({
    kind: 'document' as const,
    id: m.documentId,
    page: m.page,
    title: m.title,
    snippet: (m.snippet || snippetAround(m.text, queryTerms(query))).replace(/\s+/g, ' ').trim(),
  }));
}

/** The pages a query finds, with their text: also what "mentioned in" (entities) is built on. */
export function findPages(db: ReadDb, query: string, limit: number, documentId?: number): PageMatch[] {
  const terms = queryTerms(foldForIndex(query));
  if (terms.length === 0) return [];
  if (!terms.some((t) => CJK.test(t))) {
    return matchPages(db, 'words', terms.map((t) => `${quoted(t)}*`).join(' '), limit, documentId);
  }
  if (terms.every((t) => [...t].length >= 3)) {
    return matchPages(db, 'trigrams', terms.map(quoted).join(' '), limit, documentId);
  }
  return scanPages(
    db,
    terms.map((t) => t.replace(/[A-Z]+/g, (c) => c.toLowerCase())),
    limit,
    documentId,
  );
}

/** A snippet of about 120 characters around the first term found (for scanned hits, which FTS did not cut). */
function snippetAround(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0)));
  const start = Math.max(0, at - 50);
  const end = Math.min(text.length, at + 70);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
