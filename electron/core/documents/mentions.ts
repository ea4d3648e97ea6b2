import { foldForIndex } from '../db/records-fts';
import type { ReadDb } from '../db/types';
import { findPages, queryTerms } from '../search/search-documents';

export interface DocumentMention {
  documentId: number;
  page: number;
  /** Offsets of the name in the page's text (as excerpts have them). */
  start: number;
  end: number;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a name (an entity's name or alias) is written in the case's
 * documents: the full-text indexes find the pages (a query, not a re-scan
 * of every document), then the name is located on each page with its
 * offsets, its words allowed any spacing, hyphen or line break between
 * them (as "Ulan Ude" / "Ulan-Ude"), case and ё/е ignored. The entity
 * issue builds "mentioned in" on this.
 */
export function findMentions(db: ReadDb, name: string, limit = 500): DocumentMention[] {
  const words = queryTerms(foldForIndex(name));
  if (words.length === 0) return [];
  const body = words
    .map((w) => [...w].map((c) => (/[её]/i.test(c) ? '[еёЕЁ]' : escape(c))).join(''))
    .join('[\\s\\p{P}]+');
  // Whole words in spaced scripts ("Poly" is not "Polytechnic"); CJK has no word boundaries to hold to.
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name);
  const pattern = new RegExp(cjk ? body : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
  const out: DocumentMention[] = [];
  for (const page of findPages(db, name, limit)) {
    for (const m of page.text.matchAll(pattern)) {
      out.push({
        documentId: page.documentId,
        page: page.page,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
      });
      if (out.length >= limit) return out;
    }
  }
  return out.sort((a, b) => a.documentId - b.documentId || a.page - b.page || a.start - b.start);
}
