import type { EntityDocumentMention } from '../../../shared/domain/documents';
import { stripHanLegal } from '../../../shared/names/legal-forms';
import legalTable from '../../../shared/names/legal-forms.data.json';
import { getDocument, listDocuments } from '../db/documents';
import { getPage } from '../db/document-pages';
import type { ReadDb } from '../db/types';
import { findMentions } from './mentions';

const WORD = /[\s\p{P}]+/u;

/** Every single word of every legal form's aliases (ООО, LLC, Aktsionernoe, obshchestvo, Co, Ltd …), folded. */
let legalWords: Set<string> | null = null;
function isLegalWord(word: string): boolean {
  legalWords ??= new Set(
    (legalTable as string[][])
      .flat()
      .flatMap((alias) => alias.toLowerCase().split(WORD))
      .filter((w) => w.length > 0),
  );
  return legalWords.has(word.toLowerCase().replace(/ё/g, 'е'));
}

/**
 * What to look for in running text: the name without its legal form at
 * either end ("JSC Ulan-Ude Aviation Plant" is written "Ulan-Ude Aviation
 * Plant" in an article) and without quotes. Never empties a name.
 */
export function searchableName(raw: string): string {
  const han = stripHanLegal(raw.trim());
  const words = (han.form && han.rest ? han.rest : raw).split(WORD).filter(Boolean);
  let start = 0;
  let end = words.length;
  while (end - start > 1 && isLegalWord(words[start]!)) start++;
  while (end - start > 1 && isLegalWord(words[end - 1]!)) end--;
  return words.slice(start, end).join(' ');
}

/**
 * The pages of the case's documents where any of an entity's names is
 * written, each with its place (offsets, as an excerpt has them) and a
 * snippet: a query over the documents' full-text index per distinct name,
 * not a re-scan of the documents.
 */
export function documentsMentioning(db: ReadDb, names: string[], limit = 200): EntityDocumentMention[] {
  if (listDocuments(db).length === 0) return [];
  const phrases = [...new Set(names.map(searchableName).filter((p) => p.replace(/\P{L}/gu, '').length >= 3))];
  const seen = new Set<string>();
  const out: EntityDocumentMention[] = [];
  const titles = new Map<number, string>();
  for (const phrase of phrases) {
    for (const m of findMentions(db, phrase, limit)) {
      const key = `${m.documentId}:${m.page}:${m.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!titles.has(m.documentId))
        titles.set(m.documentId, getDocument(db, m.documentId)?.title ?? `Document ${m.documentId}`);
      const text = getPage(db, m.documentId, m.page)?.text ?? '';
      const from = Math.max(0, m.start - 80);
      const to = Math.min(text.length, m.end + 80);
      const snippet = `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
      out.push({ ...m, title: titles.get(m.documentId)!, name: phrase, snippet });
      if (out.length >= limit) break;
    }
  }
  return out.sort((a, b) => a.documentId - b.documentId || a.page - b.page || a.start - b.start);
}
