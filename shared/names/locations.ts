/**
 * Where a clerk wrote a branch or a city onto a company's name ("…, Moscow",
 * "(Beijing)", "… Shenyang Branch", "北京分公司"): found and split off the
 * end of a name only, so the rest compares as the company.
 */
import { findLegalForms } from './legal-forms';
import { foldWord, splitWords } from './tokens';

/** Cities appended to names by clerks; only ever removed from the end (after a comma, in brackets, before "branch"). */
const CITY_WORDS = new Set(
  [
    'beijing',
    'shanghai',
    'shenzhen',
    'guangzhou',
    'hangzhou',
    'xian',
    'chengdu',
    'harbin',
    'dalian',
    'tianjin',
    'suzhou',
    'xiamen',
    'ningbo',
    'shenyang',
    'wuhan',
    'yiwu',
    'hong kong',
    'moscow',
    'moskva',
    'москва',
    'saint petersburg',
    'st petersburg',
    'санкт-петербург',
    'novosibirsk',
    'новосибирск',
    'yekaterinburg',
    'екатеринбург',
    'kazan',
    'казань',
    'ulan-ude',
    'ulan ude',
    'улан-удэ',
    'vladivostok',
    'владивосток',
    'khabarovsk',
    'хабаровск',
    'irkutsk',
    'иркутск',
    'perm',
    'пермь',
    'nizhny novgorod',
    'нижний новгород',
    'samara',
    'самара',
    'rostov-on-don',
    'ростов-на-дону',
    'rybinsk',
    'рыбинск',
    'minsk',
    'минск',
    'almaty',
    'алматы',
    'astana',
    'астана',
    'istanbul',
    'ankara',
    'izmir',
    'mersin',
    'dubai',
    'sharjah',
    'abu dhabi',
    'mumbai',
    'new delhi',
    'bengaluru',
    'chennai',
    'hamburg',
    'munich',
    'stuttgart',
    'frankfurt am main',
    'milan',
    'turin',
    'bologna',
    'genoa',
    'bishkek',
    'osh',
    'yerevan',
    'gyumri',
    'tashkent',
    'samarkand',
    'singapore',
    'gomel',
    'brest',
    'vitebsk',
    'karaganda',
    'aktau',
  ].map((c) => c.replace(/-/g, ' ')),
);
export const CITY_FOLDED = new Set([...CITY_WORDS].filter((c) => !c.includes(' ')).map(foldWord));
const BRANCH_WORDS = /\s+(?:branch|branch office|filial|филиал|представительство|office)$/u;

/** Splits a trailing branch / city note off normalized text. */
export function splitLocation(text: string): { text: string; location: string } {
  let s = text;
  let location = '';
  const take = (re: RegExp) => {
    const m = re.exec(s);
    if (!m || m.index === 0) return false;
    location = `${m[0].trim()} ${location}`.trim();
    s = s.slice(0, m.index).trim();
    return true;
  };
  for (let guard = 0; guard < 3; guard++) {
    if (!/[(（]\s*(?:hong kong|香港)\s*[)）]$/u.test(s) && take(/\s*[(（][^()（）]*[)）]?$/u)) continue; // "(Beijing)", "（北京）", a cut "(Shen" — not "(Hong Kong)", part of HK names
    if (take(/\p{Script=Han}{2,3}?(?:分公司|分行|办事处)$/u)) continue;
    if (take(/(?:分公司|分行|办事处)$/u)) continue;
    if (take(BRANCH_WORDS)) {
      // "… Shenyang Branch": the city before it goes too.
      const words = s.split(' ');
      for (const n of [2, 1]) {
        const tail = words.slice(-n).join(' ').replace(/-/g, ' ');
        if (words.length > n && CITY_WORDS.has(tail)) {
          location = `${words.slice(-n).join(' ')} ${location}`;
          s = words.slice(0, -n).join(' ');
          break;
        }
      }
      continue;
    }
    // After the last comma: a city or "г. Москва" (at most three words, not a legal form like "Ltd").
    const comma = s.lastIndexOf(',');
    if (comma > 0) {
      const tail = s.slice(comma + 1).trim();
      const words = splitWords(tail);
      const folded = words.map(foldWord);
      const isLegal = findLegalForms(['x', ...folded], false).end !== folded.length + 1;
      const looksLikePlace =
        words.length === 1 ||
        CITY_WORDS.has(words.join(' ')) ||
        /^(?:г|g|city|gorod)$/.test(words[0]!) ||
        CITY_WORDS.has(words.slice(1).join(' '));
      if (words.length > 0 && words.length <= 3 && !isLegal && looksLikePlace) {
        location = `${tail} ${location}`.trim();
        s = s.slice(0, comma).trim();
        continue;
      }
    }
    break;
  }
  return { text: s.replace(/[\s,.;:-]+$/u, ''), location };
}
