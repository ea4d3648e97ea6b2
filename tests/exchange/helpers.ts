import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { callToEnd } from '../../electron/core/dispatch';
import type { CoreContext } from '../../electron/core/context';
import { FIXTURES, must, SAMPLES, tempCase } from '../helpers/temp';

export const ARTICLE = join(FIXTURES, 'documents', 'china-russia-defense-trade-article.txt');
export const SUMMARY = join(FIXTURES, 'documents', 'sanctions-supply-chains-summary.txt');

/** A case with records, a document, an excerpt and an annotation: every kind of content a seal covers. */
export async function richCase() {
  const { core, dir, path } = await tempCase('Exchange');
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  const [doc] = await must(core, 'documents.add', { paths: [ARTICLE] });
  const page = await must(core, 'documents.page', { id: doc!.documentId, page: 1 });
  await must(core, 'excerpts.create', { documentId: doc!.documentId, page: 1, quote: page.text.slice(0, 40).trim() });
  await must(core, 'annotations.create', { target: 'record', targetId: 7, text: 'checked against the manifest' });
  return { core, dir, path, documentId: doc!.documentId };
}

export async function exportTo(core: CoreContext, out: string, more: Record<string, unknown> = {}) {
  return must(core, 'exchange.export', { path: out, ...more });
}

export async function verify(core: CoreContext, path: string) {
  const r = await callToEnd(core, 'exchange.verify', { path });
  return r;
}

/** A copy of `file` changed by `sql` (run by plain better-sqlite3, as anyone could). */
export function tampered(file: string, name: string, sql: string): string {
  const out = join(file, '..', name);
  copyFileSync(file, out);
  const db = new Database(out);
  db.exec(sql);
  db.close();
  return out;
}

export const sha256File = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
