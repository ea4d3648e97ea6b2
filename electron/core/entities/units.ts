/**
 * From records to what the resolver works on. Every party name is a mention;
 * mentions whose names analyze the same (same comparison tokens and legal
 * family) and carry the same identifier form one unit, so 2M mentions
 * collapse to the far fewer distinct names the scorer has to compare.
 */
import { analyzeName, type AnalyzedName } from '../../../shared/names';
import type { MentionRole } from '../../../shared/domain/entities';
import type { RecordParties } from '../db/mentions';

/** Party fields that name nobody. */
const PLACEHOLDER = new RegExp(
  '^(?:неизвестен|неизвестно|отсутствует|не указан[оа]?|нет|same as consignee|same as shipper|same as above|to order|to the order of.*|' +
    'n/?a|none|unknown|not available|-+|\\?+|0)$',
  'iu',
);

export function namesSomebody(raw: string | null): raw is string {
  if (!raw) return false;
  const t = raw.trim();
  return t.length > 0 && /\p{L}/u.test(t) && !PLACEHOLDER.test(t.replace(/\s+/g, ' '));
}

export interface MentionDraft {
  recordId: number;
  role: MentionRole;
  rawName: string;
  identifier: string | null;
  country: string | null;
  unit: number;
}

export interface Unit {
  key: string;
  analyzed: AnalyzedName;
  identifier: string | null;
  countries: string[];
  mentions: number;
  /** raw name → mention count */
  names: Map<string, number>;
}

export interface UnitSet {
  units: Unit[];
  mentions: MentionDraft[];
  /** Unit indices of the mentions of one declaration in one role (a declaration has one sender, one receiver). */
  declarationGroups: number[][];
  /** "producer:shipper" unit pairs named on one record: a producer is often the shipper itself. */
  producerShipper: Set<string>;
  /** The unit of a (raw name, identifier) as written in the records. */
  unitOf(raw: string, identifier: string | null, country: string | null): number | undefined;
}


/** The unit of a name: names a judgement mentions get units of their own, so a split can hold names that analyze alike apart. */
export function unitKey(analyzedKey: string, identifier: string | null, country: string | null, raw: string, pinned: ReadonlySet<string>): string {
  return `${analyzedKey}#${identifier ?? ''}#${country ?? ''}${pinned.has(raw) ? `#=${raw}` : ''}`;
}

/** A 2-letter country code, or null. */
export function cleanCountry(c: string | null): string | null {
  const t = c?.trim().toUpperCase();
  return t && /^[A-Z]{2}$/.test(t) ? t : null;
}

export function cleanIdentifier(id: string | null): string | null {
  const t = id?.replace(/\s+/g, '').toUpperCase();
  return t && /^[0-9A-Z]{6,}$/.test(t) ? t : null;
}

export function buildUnits(records: Iterable<RecordParties>, pinned: ReadonlySet<string> = new Set(), onProgress?: (n: number) => void): UnitSet {
  const analyzed = new Map<string, AnalyzedName>();
  const unitIndex = new Map<string, number>();
  const units: Unit[] = [];
  const mentions: MentionDraft[] = [];
  const declarations = new Map<string, Set<number>>();
  let n = 0;
  const producerShipper = new Set<string>();
  const byRaw = new Map<string, number>();
  const add = (recordId: number, role: MentionRole, raw: string | null, id: string | null, country: string | null, decl: string | null) => {
    if (!namesSomebody(raw)) return undefined;
    let a = analyzed.get(raw);
    if (!a) analyzed.set(raw, (a = analyzeName(raw)));
    if (a.tokens.length === 0) return undefined;
    const identifier = cleanIdentifier(id);
    const c = cleanCountry(country);
    // Country is part of the unit: one spelling used by two companies in two countries stays two units.
    const key = unitKey(a.key, identifier, c, raw, pinned);
    let u = unitIndex.get(key);
    if (u === undefined) {
      u = units.length;
      unitIndex.set(key, u);
      units.push({ key, analyzed: a, identifier, countries: [], mentions: 0, names: new Map() });
    }
    byRaw.set(`${raw}\u0000${identifier ?? ''}\u0000${c ?? ''}`, u);
    const unit = units[u]!;
    unit.mentions++;
    unit.names.set(raw, (unit.names.get(raw) ?? 0) + 1);
    if (c && !unit.countries.includes(c)) unit.countries.push(c);
    mentions.push({ recordId, role, rawName: raw, identifier, country: c, unit: u });
    if (decl && role !== 'producer') {
      const k = `${role}\u0000${decl}`;
      let g = declarations.get(k);
      if (!g) declarations.set(k, (g = new Set()));
      g.add(u);
    }
    return u;
  };
  for (const r of records) {
    const decl = r.declarationNo?.trim() || null;
    const shipper = add(r.id, 'shipper', r.shipper, r.shipperId, r.shipperCountry, decl);
    add(r.id, 'consignee', r.consignee, r.consigneeId, r.consigneeCountry, decl);
    add(r.id, 'notify', r.notify, null, null, decl);
    const producer = add(r.id, 'producer', r.producer, null, null, null);
    if (producer !== undefined && shipper !== undefined && producer !== shipper) producerShipper.add(`${producer}:${shipper}`);
    if (++n % 50_000 === 0) onProgress?.(n);
  }
  const declarationGroups = [...declarations.values()].filter((g) => g.size > 1).map((g) => [...g]);
  return {
    units,
    mentions,
    declarationGroups,
    producerShipper,
    unitOf: (raw, identifier, country) => byRaw.get(`${raw}\u0000${cleanIdentifier(identifier) ?? ''}\u0000${cleanCountry(country) ?? ''}`),
  };
}
