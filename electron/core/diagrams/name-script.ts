/**
 * An entity's name in the script a diagram shows names in. The display name
 * is the case's choice for the investigator (display-name.ts); a diagram
 * may ask instead for the spelling in Latin, Cyrillic or Chinese, chosen
 * among the entity's spellings in that script by the same rule (the full,
 * clean, most written name), or for the spelling its records write most.
 * An entity with no spelling in the script asked for shows its display
 * name: nothing is transliterated here, every name shown is one a record wrote.
 */
import type { NameScript } from '../../../shared/domain/diagrams';
import { getEntityNames } from '../db/entity-names';
import type { ReadDb } from '../db/types';
import { displayName } from '../entities/resolve/display-name';

/** Which spellings are written in a script (by the scripts found in them when they were read). */
const IN_SCRIPT: Record<Exclude<NameScript, 'display' | 'written'>, [string, (scripts: string[]) => boolean]> = {
  latin: ['Latin', (s) => s.length === 1 && s[0] === 'Latin'],
  cyrillic: ['Cyrillic', (s) => s.includes('Cyrillic') && !s.includes('Han')],
  chinese: ['Han', (s) => s.includes('Han')],
};

/** Names entities in one script, remembering what it read (one per diagram view). */
export function entityNamer(db: ReadDb, script: NameScript): (entityId: number, display: string) => string {
  if (script === 'display') return (_id, display) => display;
  const cache = new Map<number, string>();
  return (entityId, display) => {
    const hit = cache.get(entityId);
    if (hit !== undefined) return hit;
    const names = getEntityNames(db, entityId);
    let shown = display;
    if (script === 'written') shown = names[0]?.name.trim() || display;
    else {
      const [scriptName, test] = IN_SCRIPT[script];
      const spellings = new Map(names.filter((n) => test(n.scripts)).map((n) => [n.name, n.mentions]));
      if (spellings.size > 0) shown = displayName(spellings, scriptName);
    }
    cache.set(entityId, shown);
    return shown;
  };
}
