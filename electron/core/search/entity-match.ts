/**
 * Which entities a query finds: by any name they are written under, in any
 * script (their names' index, db/entity-names.ts), with ordinary company
 * words standing for their translations (Поли Текнолоджиз → Poly
 * Technologies, 保利科技 → Baoli Keji), by an identifier (INN, USCC), or by
 * a name a person gave them. Legal forms are set aside: "ООО Дальтрейд"
 * finds the company however its other names write the form.
 */
import { analysisKey, analyzeKeyed, analyzeName, type AnalyzedName } from '../../../shared/names';
import { nameWords, namesCompany } from '../../../shared/names/search-forms';
import { activeEntitiesAmong, entitiesRenamedLike, entitiesWithIdentifier } from '../db/entities';
import { entitiesByName, namesMatching } from '../db/entity-names';
import type { ReadDb } from '../db/types';
import { ftsMatch } from './fts-match';

/**
 * A query naming more companies than this names none in particular: the
 * records search then finds its words, not every record of every company.
 */
export const MAX_NAMED = 50;
/** Names a records query is compared with, best matches first (bm25 ranks the names it covers most). */
const CANDIDATE_NAMES = 100;
/**
 * A query matching more names than this ("ООО", "Trade") is a word of many companies' names, not the name of
 * one: a company has tens or hundreds of spellings, not thousands.
 */
const BROAD_NAMES = 2000;

// Analyses of candidate names, by analysis key: successive queries (a person typing) meet the same names.
const analyses = new Map<string, AnalyzedName>();
function analyzed(name: string): AnalyzedName {
  const key = analysisKey(name);
  let a = analyses.get(key);
  if (!a) {
    if (analyses.size >= 10_000) analyses.clear();
    analyses.set(key, (a = analyzeKeyed(name, key)));
  }
  return a;
}

/** Identifiers are INN (10 or 12 digits), OGRN, USCC (18 characters) and the like: letters and digits, at least one digit. */
const IDENTIFIER = /^(?=.*\d)[\p{L}\d]{8,20}$/u;

/** Active entities by identifier (whole, or its start with `prefix`) and by a name a person set. */
function byIdentifierOrNewName(db: ReadDb, text: string, prefix: boolean): number[] {
  const out: number[] = [];
  for (const w of text.split(/[^\p{L}\d]+/u))
    if (IDENTIFIER.test(w)) out.push(...entitiesWithIdentifier(db, w, prefix));
  out.push(...entitiesRenamedLike(db, text.trim()));
  return out;
}

/** What the entity list's search found: every entity, and first those found without translating a word. */
export interface EntitiesFound {
  ids: number[];
  first: number[];
}

/**
 * The entity list's search (null: no query, every entity): entities with a
 * name whose words start with the query's in any script or translation, by
 * identifier or by a name a person set. Those found as written or
 * transliterated come first: авиационный lists the aviation plants named in
 * Russian before every company with Aviation in its name.
 */
export function entitiesFound(db: ReadDb, query: string | undefined): EntitiesFound | null {
  const q = query?.trim();
  if (!q) return null;
  const words = nameWords(q);
  const first = new Set(byIdentifierOrNewName(db, q, true));
  const written = ftsMatch(db, words, { reach: 'prefix' });
  if (written) for (const id of activeEntitiesAmong(db, entitiesByName(db, written))) first.add(id);
  const ids = new Set(first);
  const translated = ftsMatch(db, words, { reach: 'prefix', concepts: true });
  if (translated && translated !== written)
    for (const id of activeEntitiesAmong(db, entitiesByName(db, translated))) ids.add(id);
  return { ids: [...ids], first: [...first] };
}

/**
 * The entities a records query names (search-forms.ts namesCompany: it
 * covers one of their names, "Ulan Ude Aviation Plant", "保利", not just a
 * word of it, "Ulan"), by identifier or by a name a person set; none when
 * it names more than MAX_NAMED.
 */
export function namedEntities(db: ReadDb, text: string): number[] {
  const words = nameWords(text);
  if (words.length === 0) return [];
  const found = new Set(byIdentifierOrNewName(db, text, false));
  const match = ftsMatch(db, words, { reach: 'prefix', concepts: true });
  if (match) {
    const query = analyzeName(text);
    for (const n of namesMatching(db, match, CANDIDATE_NAMES, BROAD_NAMES) ?? []) {
      // One name that the query covers is enough: the entity's other names need no analysis.
      if (!found.has(n.entityId) && namesCompany(query, analyzed(n.name))) found.add(n.entityId);
    }
  }
  const ids = activeEntitiesAmong(db, [...found]);
  return ids.length <= MAX_NAMED ? ids : [];
}
