import type { RecordFilterInput } from '../api/records';

/** Names for the ids a filter holds (an import's file, an entity), where the caller knows them. */
export interface FilterNames {
  importName?: (id: number) => string | null;
  entityName?: (id: number) => string | null;
}

const usd = (v: number) => `$${v.toLocaleString('en-US')}`;

/**
 * A Records filter in words, as a brief cites it ("records dated 2023-01-01
 * to 2023-12-31, HS code starting 8807, on the CHPL (tier 1)"), so that a
 * reader without Custodian knows what the table under it is a selection of.
 */
export function describeRecordFilter(f: RecordFilterInput, names: FilterNames = {}): string {
  const parts: string[] = [];
  const entity = (id: number) => names.entityName?.(id) ?? `entity ${id}`;
  if (f.importId !== undefined) parts.push(`from ${names.importName?.(f.importId) ?? `import ${f.importId}`}`);
  if (f.query) parts.push(`matching “${f.query}”`);
  if (f.party) parts.push(`naming a party “${f.party}”`);
  if (f.entityId !== undefined)
    parts.push(
      f.counterpartyId !== undefined
        ? `between ${entity(f.entityId)} and ${entity(f.counterpartyId)} (either shipping)`
        : `naming ${entity(f.entityId)}`,
    );
  if (f.dateFrom && f.dateTo) parts.push(`dated ${f.dateFrom} to ${f.dateTo}`);
  else if (f.dateFrom) parts.push(`dated ${f.dateFrom} or later`);
  else if (f.dateTo) parts.push(`dated ${f.dateTo} or earlier`);
  if (f.hsPrefix) parts.push(`HS code starting ${f.hsPrefix}`);
  if (f.chplTier) parts.push(f.chplTier === 'any' ? 'goods on the CHPL' : `goods on the CHPL, tier ${f.chplTier}`);
  if (f.country) parts.push(`with country ${f.country}`);
  if (f.valueMin !== undefined && f.valueMax !== undefined)
    parts.push(`worth ${usd(f.valueMin)} to ${usd(f.valueMax)}`);
  else if (f.valueMin !== undefined) parts.push(`worth at least ${usd(f.valueMin)}`);
  else if (f.valueMax !== undefined) parts.push(`worth at most ${usd(f.valueMax)}`);
  if (f.flag) parts.push(`flagged “${f.flag}”`);
  else if (f.flagged) parts.push('flagged');
  return parts.length ? `Customs records ${parts.join(', ')}` : 'All customs records';
}
