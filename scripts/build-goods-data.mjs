// Turns the HS 2022 nomenclature (hs2022.csv, ODC-PDDL, see
// shared/goods/NOTICE-hs2022.txt) and the Common High Priority List
// (chpl.csv) into the compact tables the app reads at run time:
//   shared/goods/hs2022.data.json  {code: description} for chapters (2 digits),
//                                  headings (4) and subheadings (6)
//   shared/goods/chpl.data.json    [[hs6, tier], ...] in the list's order
// Run again when a file changes: node scripts/build-goods-data.mjs [DIR]
// (DIR holds hs2022.csv and chpl.csv; ../shared/data by default).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? `${root}../shared/data`;
const read = (name) => parse(readFileSync(`${dir}/${name}`, 'utf8'), { columns: true, skip_empty_lines: true });

const hs = {};
for (const r of read('hs2022.csv')) {
  if (r.hscode === 'TOTAL') continue; // the file's grand-total row, not a code
  if (!/^\d{2}(\d{2}){0,2}$/.test(r.hscode)) throw new Error(`hs2022.csv: unexpected code ${r.hscode}`);
  hs[r.hscode] = r.description.trim();
}
const chpl = read('chpl.csv').map((r) => {
  if (!/^\d{6}$/.test(r.hs6) || !/^[1-4](\.[AB])?$/.test(r.tier))
    throw new Error(`chpl.csv: bad row ${r.hs6},${r.tier}`);
  return [r.hs6, r.tier];
});
writeFileSync(`${root}shared/goods/hs2022.data.json`, JSON.stringify(hs) + '\n');
writeFileSync(`${root}shared/goods/chpl.data.json`, JSON.stringify(chpl) + '\n');
console.log(`${Object.keys(hs).length} HS 2022 codes, ${chpl.length} CHPL subheadings`);
