// Turns rigour's org_types.yml (MIT, see shared/names/LICENSE.rigour-MIT.txt)
// into the compact table shared/names/legal-forms.data.json: one entry per
// organisation type, [generic, compare-or-display, ...aliases]. Run again
// when the yml changes: node scripts/build-legal-forms.mjs [PATH/org_types.yml]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = process.argv[2] ?? `${root}../shared/data/org_types.yml`;
const { types } = parse(readFileSync(src, 'utf8'));
const table = [];
for (const t of types) {
  const aliases = [...new Set([t.display, ...(t.aliases ?? [])].filter((a) => typeof a === 'string' && a.trim()))];
  if (aliases.length === 0) continue;
  table.push([t.generic ?? '', t.compare ?? t.display ?? aliases[0], ...aliases]);
}
writeFileSync(`${root}shared/names/legal-forms.data.json`, JSON.stringify(table) + '\n');
console.log(`${table.length} organisation types, ${table.reduce((n, t) => n + t.length - 2, 0)} spellings`);
