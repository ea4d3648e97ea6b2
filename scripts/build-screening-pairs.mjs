// Builds the labelled name pairs that screening's scorer is measured on
// (bench/screening-pairs.bench.ts), from OFAC's public SDN list (the legacy
// CSVs: sdn.csv, alt.csv): each listed organisation's name against each of
// its aliases is a true pair; its name against the most similar name of a
// different entry (the most words in common, one of them rare) is a false
// pair, when each has a word the other lacks. Deterministic; run again when the sample changes:
//   node scripts/build-screening-pairs.mjs [DIR]   (DIR: ../shared/data/ofac-sample)
// Writes bench/data/screening-pairs.ofac.csv: label,kind,a,b.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? `${root}../shared/data/ofac-sample`;
const rows = (name) =>
  parse(readFileSync(`${dir}/${name}`, 'utf8').replace(/\x1a\s*$/, ''), { relax_column_count: true }).map((r) =>
    r.map((v) => (v.trim() === '-0-' ? '' : v.trim())),
  );

// Organisations only (sdn_type empty): people's names are another matcher's task.
const orgs = new Map();
for (const [id, name, type] of rows('sdn.csv')) if (id && name && !type) orgs.set(id, { name, aliases: [] });
for (const [id, , kind, alias] of rows('alt.csv')) if (orgs.has(id) && alias) orgs.get(id).aliases.push([kind, alias]);

const words = (s) => [...new Set(s.toLowerCase().match(/\p{L}{3,}|\d+/gu) ?? [])];
// Words so common in listed names that sharing them says nothing (company, trading, bank, ltd…).
const df = new Map();
for (const o of orgs.values()) for (const w of words(o.name)) df.set(w, (df.get(w) ?? 0) + 1);
const rare = (w) => (df.get(w) ?? 0) <= 25;
// Legal forms and joining words: a name that differs from another only in these is the same name.
const FORMAL = new Set(
  'ltd llc limited company companies inc corp corporation gmbh jsc ojsc cjsc pjsc ooo zao oao pao fze fzco llp plc the and del los las les des und sal sarl srl spa sas cia ltda'.split(
    ' ',
  ),
);
const distinct = (a, b) => {
  const wb = new Set(words(b));
  return words(a).some((w) => !wb.has(w) && !FORMAL.has(w));
};

const out = [];
for (const o of orgs.values()) for (const [kind, alias] of o.aliases) out.push([1, `ofac-${kind}`, o.name, alias]);

// Entries indexed by their rare words; each entry's partner: most words shared, then lowest id.
const byWord = new Map();
for (const [id, o] of orgs) for (const w of words(o.name).filter(rare)) byWord.set(w, [...(byWord.get(w) ?? []), id]);
for (const [id, o] of orgs) {
  const mine = new Set(words(o.name));
  const own = new Set([o.name, ...o.aliases.map(([, a]) => a)].map((n) => n.toLowerCase()));
  let best = null;
  let bestShared = 0;
  for (const w of [...mine].filter(rare))
    for (const other of byWord.get(w) ?? []) {
      const name = orgs.get(other).name;
      // Two entries whose names differ only in legal form or extra words of one of them (CIMEX / CIMEX
      // IBERICA) are the same name, or a parent and its branch: screening must flag those, so they are no
      // false pair. Each name must have a word of its own.
      if (other === id || own.has(name.toLowerCase()) || !distinct(o.name, name) || !distinct(name, o.name)) continue;
      const shared = words(orgs.get(other).name).filter((x) => mine.has(x)).length;
      if (shared > bestShared || (shared === bestShared && best !== null && Number(other) < Number(best)))
        [best, bestShared] = [other, shared];
    }
  if (best !== null) out.push([0, 'ofac-different-entry', o.name, orgs.get(best).name]);
}
const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = [['label', 'kind', 'a', 'b'], ...out].map((r) => r.map(cell).join(',')).join('\n');
writeFileSync(`${root}bench/data/screening-pairs.ofac.csv`, `${csv}\n`);
const pos = out.filter((r) => r[0] === 1).length;
console.log(`${orgs.size} organisations: ${pos} true pairs, ${out.length - pos} false pairs`);
