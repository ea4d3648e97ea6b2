/**
 * Cyrillic → Latin, then a phonetic fold that makes the spellings used in
 * trade data meet: GOST (Udenskij, aviacionnyj, Obedinjonnaja), BGN/PCGN
 * (Udenskiy, aviatsionnyy, Obedinyonnaya) and what clerks type (Udensky,
 * aviatsionny, Obedinennaya) all fold to the same skeleton. The fold is
 * applied to every Latin token too, so English and pinyin tokens go through
 * exactly the same mapping and stay comparable.
 */

// Our own table (Russian, with the Ukrainian/Belarusian/Kazakh letters seen in
// CIS trade data); the fold below removes the differences between schemes.
const CYR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
};

/** Lower-case Cyrillic text → Latin (other characters pass through). */
export function cyrillicToLatin(s: string): string {
  let out = '';
  for (const ch of s) {
    const t = CYR[ch];
    out += t === undefined ? ch : t;
  }
  return out;
}

/**
 * The phonetic skeleton of a lower-case Latin token. Order matters: the
 * multi-letter spellings of one Cyrillic letter are collapsed first.
 */
export function foldLatin(token: string): string {
  let s = token
    .replace(/shch|shh|sch/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/ts|tz/g, 'c')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    // ё written yo/jo/e after a consonant: Obedinjonnaja / Obedinyonnaya → Obedinennaya.
    .replace(/([^aeiouyj])[yj]o/g, '$1e')
    .replace(/j/g, 'y')
    .replace(/y/g, 'i');
  // Word-initial "ie" (Yevro/Evro) → e.
  s = s.replace(/^ie/, 'e');
  // -oye/-oe, -aya/-aa: an i between two vowels is a glide the schemes disagree on.
  s = s.replace(/([aeou])i(?=[aeou])/g, '$1');
  // Doubled letters (aviatsionnyy, Gongsi/Gongs typos aside) collapse.
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

/**
 * Russian adjective endings that English drops (Udenskiy → Ude, Permskie →
 * Perm). Applied to folded tokens; returns the stem or the token itself.
 */
export function russianStem(folded: string): string {
  // City adjectives insert an н after a vowel: Улан-Удэ → Улан-Удэнский.
  const v = /^(.{2,}?[aeiou])n(?:ski|skie|ska|skoe|skogo)$/.exec(folded);
  if (v) return v[1]!;
  const m = /^(.{3,}?)(?:ski|skie|ska|skoe|skogo)$/.exec(folded);
  return m ? m[1]! : folded;
}
