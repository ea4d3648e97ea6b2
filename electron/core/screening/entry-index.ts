/**
 * The entries of the lists screened against, indexed for blocking: every
 * name of every entry (main name and aliases, each script) analyzed once,
 * token rarity over those names, and for each blocking key the entry names
 * under it. Keys that half the list shares (Trading, Company, de) are left
 * out by the lookup's cap, so an entity meets only entries that share a
 * word of some weight with it.
 */
import type { SanctionEntry } from '../../../shared/domain/screening';
import type { TokenStats } from '../../../shared/names';
import { hasWords, identifierKeys, nameKeys, prepareScreeningName, type ScreeningName } from './match';

export interface IndexedEntry {
  id: number;
  name: string;
  identifiers: string[];
  countries: string[];
}

export class EntryIndex {
  readonly entries: IndexedEntry[] = [];
  /** Per entry name: its analysis and its entry. */
  readonly names: ScreeningName[] = [];
  readonly nameEntry: number[] = [];
  private readonly blocks = new Map<string, number[]>();
  private readonly byIdentifier = new Map<string, number[]>();
  private readonly analyzed = new Map<string, ScreeningName>();
  private df = new Map<string, number>();
  stats: TokenStats = { names: 0, df: () => 0 };

  add(e: SanctionEntry): void {
    const entry = this.entries.push({ id: e.id, name: e.name, identifiers: e.identifiers, countries: e.countries }) - 1;
    for (const raw of new Set([e.name, ...e.aliases])) {
      const name = this.analyze(raw);
      if (!hasWords(name)) continue;
      const index = this.names.push(name) - 1;
      this.nameEntry.push(entry);
      for (const key of nameKeys(name)) push(this.blocks, key, index);
    }
    for (const id of e.identifiers) for (const key of identifierKeys(id)) push(this.byIdentifier, key, entry);
  }

  /** Token rarity over the distinct entry names; call once every entry is in. */
  finish(): void {
    const seen = new Set<string>();
    for (const n of this.names) {
      if (seen.has(n.name.key)) continue;
      seen.add(n.name.key);
      for (const k of new Set(n.name.tokens.map((t) => t.key))) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    }
    const df = this.df;
    this.stats = { names: seen.size, df: (k) => df.get(k) ?? 0 };
    this.analyzed.clear();
  }

  analyze(raw: string): ScreeningName {
    let a = this.analyzed.get(raw);
    if (!a) this.analyzed.set(raw, (a = prepareScreeningName(raw)));
    return a;
  }

  /**
   * The entry names most worth scoring against `name`: those under its keys
   * (blocks of at most `cap` names), ranked by the rarity of the keys they
   * share with it (a shared rare word outweighs a shared common one), at
   * most `top` of them and none with less than a third of the best's
   * weight. Scoring is the costly step; this keeps it to a few pairs a name.
   */
  candidates(name: ScreeningName, cap: number, top: number, out: number[]): void {
    // Flat scratch arrays, reset by the touched list: a Map per name was most of a screening's garbage.
    if (this.weights.length < this.names.length) this.weights = new Float64Array(this.names.length);
    const weights = this.weights;
    const touched = this.touched;
    touched.length = 0;
    const total = Math.max(2, this.names.length);
    let best = 0;
    for (const key of nameKeys(name)) {
      const block = this.blocks.get(key);
      if (!block || block.length > cap) continue;
      const w = Math.log(total / block.length);
      for (const i of block) {
        if (weights[i] === 0) touched.push(i);
        const sum = (weights[i] = weights[i]! + w);
        if (sum > best) best = sum;
      }
    }
    out.length = 0;
    const floor = best / 3;
    for (const i of touched) if (weights[i]! >= floor) out.push(i);
    if (out.length > top) {
      out.sort((a, b) => weights[b]! - weights[a]!);
      out.length = top;
    }
    for (const i of touched) weights[i] = 0;
  }
  private weights = new Float64Array(0);
  private readonly touched: number[] = [];

  entriesWithIdentifier(id: string): number[] {
    const found = new Set<number>();
    for (const key of identifierKeys(id)) for (const e of this.byIdentifier.get(key) ?? []) found.add(e);
    return [...found];
  }
}

function push(map: Map<string, number[]>, key: string, v: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (list[list.length - 1] !== v) list.push(v);
}
