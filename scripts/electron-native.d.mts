// Types for scripts/electron-native.mjs, so tests/shell can import it under strict TypeScript.
export function electronVersion(repoRoot: string): string;
export function betterSqliteVersion(repoRoot: string): string;
export function nativeCacheDir(repoRoot: string, version: string): string;
export function nativeCachePath(repoRoot: string, version: string): string;
export function nativeCacheIsFresh(repoRoot: string, version: string, sqliteVersion: string): boolean;
export function electronBinaryPath(repoRoot: string): string | null;
export function buildOutputs(repoRoot: string): string[];
export function buildInputs(repoRoot: string): string[];
export function newestMtime(paths: string[]): number;
export function buildIsStale(outputs: string[], inputs: string[]): string | null;
export function betterSqliteLoadsInNode(repoRoot: string): boolean;
