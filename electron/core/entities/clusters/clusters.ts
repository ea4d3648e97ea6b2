/**
 * Union-find over name units that refuses a merge the evidence forbids:
 * two different identifiers, two different legal families (JSC vs LLC),
 * two different countries, or the two sides of a "not the same" judgement.
 * A refused merge is not lost: the caller queues the pair for review.
 */
export interface UnitFacts {
  identifier: string | null;
  family: string;
  countries: readonly string[];
  mentions: number;
  /** A legal form only one jurisdiction uses (Pvt. Ltd. → IN, FZE → AE), or ''. */
  jurisdiction: string;
  /** 'co' (Co., Ltd.) or 'plain' (Limited) for Chinese-style limited companies, or ''. */
  legalStyle: string;
}

export const JUDGED_APART = 'An investigator judged them not the same.';

export class Clusters {
  private readonly parent: Int32Array;
  private readonly ids: (Set<string> | null)[];
  private readonly family: string[];
  private readonly countries: (Set<string> | null)[];
  /** judgement id → side ('a' | 'b') of the units under this root. */
  private readonly tags: (Map<number, string> | null)[];
  private readonly mentions: Float64Array;
  private readonly jurisdictions: (Set<string> | null)[];
  private readonly styles: (Set<string> | null)[];

  constructor(units: readonly UnitFacts[]) {
    const n = units.length;
    this.parent = new Int32Array(n);
    this.ids = new Array(n);
    this.family = new Array(n);
    this.countries = new Array(n);
    this.tags = new Array(n).fill(null);
    this.mentions = new Float64Array(n);
    this.jurisdictions = new Array(n);
    this.styles = new Array(n);
    units.forEach((u, i) => {
      this.jurisdictions[i] = u.jurisdiction ? new Set([u.jurisdiction]) : null;
      this.styles[i] = u.legalStyle ? new Set([u.legalStyle]) : null;
      this.mentions[i] = u.mentions;
      this.parent[i] = i;
      this.ids[i] = u.identifier ? new Set([u.identifier]) : null;
      this.family[i] = u.family;
      this.countries[i] = u.countries.length ? new Set(u.countries) : null;
    });
  }

  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }

  tag(unit: number, judgement: number, side: string): void {
    const r = this.find(unit);
    const t = this.tags[r] ?? (this.tags[r] = new Map());
    t.set(judgement, t.has(judgement) && t.get(judgement) !== side ? 'both' : side);
  }

  /** Mentions in the cluster of a unit. */
  size(unit: number): number {
    return this.mentions[this.find(unit)]!;
  }

  /** What the cluster of a unit carries as a whole: its identifiers, countries and legal family (the entity it becomes). */
  carries(unit: number): { identifiers: string[]; countries: string[]; family: string } {
    const r = this.find(unit);
    return {
      identifiers: [...(this.ids[r] ?? [])],
      countries: [...(this.countries[r] ?? [])],
      family: this.family[r]!,
    };
  }

  /** Why the two clusters must not be merged automatically, or null. */
  conflict(a: number, b: number): string | null {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return null;
    const ta = this.tags[ra];
    const tb = this.tags[rb];
    if (ta && tb) for (const [j, side] of ta) if (tb.has(j) && tb.get(j) !== side) return JUDGED_APART;
    const ia = this.ids[ra];
    const ib = this.ids[rb];
    if (ia && ib && ![...ia].some((x) => ib.has(x))) return 'They carry different identifiers.';
    const fa = this.family[ra]!;
    const fb = this.family[rb]!;
    if (fa && fb && fa !== fb) return `Their legal forms differ (${fa} vs ${fb}).`;
    const ca = this.countries[ra];
    const cb = this.countries[rb];
    if (ca && cb && ![...ca].some((x) => cb.has(x))) return 'Their countries differ.';
    const ja = this.jurisdictions[ra];
    const jb = this.jurisdictions[rb];
    if (ja && jb && ![...ja].some((x) => jb.has(x)))
      return `Their legal forms belong to different jurisdictions (${[...ja].join('/')} vs ${[...jb].join('/')}).`;
    const sa = this.styles[ra];
    const sb = this.styles[rb];
    if (sa && sb && ![...sa].some((x) => sb.has(x)))
      return 'One writes Co., Ltd. and the other Limited: a mainland company and its Hong Kong namesake look like that.';
    return null;
  }

  /** Merges unless a conflict forbids it (force: an investigator's "same" overrides). Returns true when merged now. */
  union(a: number, b: number, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (!force && this.conflict(ra, rb)) return false;
    const [big, small] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[small] = big;
    this.mentions[big]! += this.mentions[small]!;
    this.ids[big] = merge(this.ids[big]!, this.ids[small]!);
    this.countries[big] = merge(this.countries[big]!, this.countries[small]!);
    this.jurisdictions[big] = merge(this.jurisdictions[big]!, this.jurisdictions[small]!);
    this.styles[big] = merge(this.styles[big]!, this.styles[small]!);
    const fs = this.family[small]!;
    if (fs && !this.family[big]) this.family[big] = fs;
    const ts = this.tags[small];
    if (ts) {
      const tb = this.tags[big] ?? (this.tags[big] = new Map());
      for (const [j, side] of ts) tb.set(j, tb.has(j) && tb.get(j) !== side ? 'both' : side);
    }
    return true;
  }
}

function merge<T>(a: Set<T> | null, b: Set<T> | null): Set<T> | null {
  if (!a) return b;
  if (!b) return a;
  for (const x of b) a.add(x);
  return a;
}
