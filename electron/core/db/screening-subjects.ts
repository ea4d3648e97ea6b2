/** The entities a screening checks, with every name they are written under (entities, entity_names). */
import type { ReadDb } from './types';

export interface ScreeningSubject {
  id: number;
  name: string;
  country: string | null;
  identifiers: string[];
  /** The canonical name and every name of the entity, in every script. */
  names: string[];
}

/** Live entities (not merged away, with mentions) in id order, names attached; streamed. */
export function* screeningSubjects(db: ReadDb): Generator<ScreeningSubject> {
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.country, e.identifiers, n.name AS alt FROM entities e
       LEFT JOIN entity_names n ON n.entity_id = e.id
       WHERE e.merged_into IS NULL AND e.mention_count > 0 ORDER BY e.id`,
    )
    .iterate() as Iterable<{
    id: number;
    name: string;
    country: string | null;
    identifiers: string;
    alt: string | null;
  }>;
  let current = null as ScreeningSubject | null;
  for (const r of rows) {
    if (current?.id !== r.id) {
      if (current) yield current;
      current = {
        id: r.id,
        name: r.name,
        country: r.country,
        identifiers: JSON.parse(r.identifiers) as string[],
        names: [r.name],
      };
    }
    if (r.alt && !current.names.includes(r.alt)) current.names.push(r.alt);
  }
  if (current) yield current;
}
