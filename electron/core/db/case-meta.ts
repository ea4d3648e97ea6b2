import type { ReadDb, WriteDb } from './types';

export function getMeta(db: ReadDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM case_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: WriteDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
