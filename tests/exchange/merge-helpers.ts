import { join } from 'node:path';
import type { CoreContext } from '../../electron/core/context';
import { callToEnd } from '../../electron/core/dispatch';
import { digestCase } from '../../electron/core/exchange/digest';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { ARTICLE, SUMMARY } from './helpers';

/**
 * Tables whose content is derived from others (the full-text indexes' shadow
 * tables: their segments depend on the order of writes, not on what is
 * indexed; the search words list only grows), and the audit log, which
 * records the merge and its undo by design.
 */
const DERIVED = /^(records_fts|document_pages_fts|document_pages_tri|entity_names_fts)_|^search_words$|^audit_log$/;

/** The case's logical digest per table (exchange/digest.ts), the derived tables and the audit log left out. */
export function logicalDigest(core: CoreContext): Record<string, string> {
  const d = digestCase(core.session!.db, undefined, 'Digest', false);
  return Object.fromEntries(
    d.tables.filter((t) => !DERIVED.test(t.name)).map((t) => [t.name, `${t.rows}:${t.digest}`]),
  );
}

export const count = (core: CoreContext, sql: string): number => core.session!.db.prepare(sql).pluck().get() as number;

/** A diagram of the neighbourhood of the case's most-mentioned entity. */
export async function neighbourhood(core: CoreContext, name: string) {
  const [biggest] = await must(core, 'entities.list', { limit: 1 });
  return must(core, 'diagrams.neighbourhood', { name, entityId: biggest!.id, depth: 1, maxNodes: 12 });
}

/** My case: the clean Russian sample, the article with an excerpt, resolved, a note on record 7, a diagram. */
export async function myCase() {
  const made = await tempCase('Mine');
  const { core } = made;
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  const [doc] = await must(core, 'documents.add', { paths: [ARTICLE] });
  const page = await must(core, 'documents.page', { id: doc!.documentId, page: 1 });
  await must(core, 'excerpts.create', { documentId: doc!.documentId, page: 1, quote: page.text.slice(0, 40).trim() });
  await must(core, 'entities.resolve', {});
  await must(core, 'annotations.create', { target: 'record', targetId: 7, text: 'checked against the manifest' });
  const diagram = await neighbourhood(core, 'Mine');
  return { ...made, diagramId: diagram.view.id };
}

/**
 * A colleague's case overlapping mine: the same Russian sample (the same
 * records) and article, plus the Chinese sample and a second document, its
 * own note, diagram and a link between two entities.
 */
export async function colleagueCase() {
  const made = await tempCase('Colleague');
  const { core } = made;
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  await must(core, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' });
  await must(core, 'documents.add', { paths: [ARTICLE, SUMMARY] });
  await must(core, 'entities.resolve', {});
  await must(core, 'annotations.create', { target: 'record', targetId: 12, text: 'colleague: invoice seen' });
  const diagram = await neighbourhood(core, 'Colleague’s');
  const view = diagram.view;
  const [a, b] = view.nodes.filter((n) => n.kind === 'entity');
  await must(core, 'diagrams.apply', {
    id: view.id,
    ops: [
      { op: 'createLink', source: a!.id, target: b!.id, type: 'associated', grade: 'tentative', note: 'same office' },
    ],
  });
  return made;
}

export async function merge(core: CoreContext, path: string) {
  return must(core, 'exchange.merge', { path });
}

export async function tryMerge(core: CoreContext, path: string) {
  return callToEnd(core, 'exchange.merge', { path });
}
