/** What a record's party fields hold, cleaned the one way reading and resolving both use. */
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

/** A 2-letter country code, or null. */
export function cleanCountry(c: string | null): string | null {
  const t = c?.trim().toUpperCase();
  return t && /^[A-Z]{2}$/.test(t) ? t : null;
}

export function cleanIdentifier(id: string | null): string | null {
  const t = id?.replace(/\s+/g, '').toUpperCase();
  return t && /^[0-9A-Z]{6,}$/.test(t) ? t : null;
}
