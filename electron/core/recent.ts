import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_RECENT = 10;

/** The recently opened cases, newest first (kept in the app's own folder, never in a case). */
export function readRecent(appDataDir: string): string[] {
  try {
    const list = JSON.parse(readFileSync(join(appDataDir, 'recent.json'), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberRecent(appDataDir: string, path: string): void {
  const list = [path, ...readRecent(appDataDir).filter((p) => p !== path)].slice(0, MAX_RECENT);
  mkdirSync(appDataDir, { recursive: true });
  writeFileSync(join(appDataDir, 'recent.json'), JSON.stringify(list, null, 2));
}
