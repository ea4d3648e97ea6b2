/**
 * Country text → ISO 3166 alpha-2, from codes and names in English,
 * Russian and Chinese. The names come from the runtime's own ICU data
 * (Intl.DisplayNames), so every region ICU knows is covered without a
 * table of our own; the aliases below add the short and old forms customs
 * data uses.
 */
const ALIASES: Record<string, string> = {
  'russian federation': 'RU',
  рф: 'RU',
  россия: 'RU',
  'российская федерация': 'RU',
  usa: 'US',
  'united states of america': 'US',
  сша: 'US',
  美国: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  британия: 'GB',
  英国: 'GB',
  uae: 'AE',
  оаэ: 'AE',
  阿联酋: 'AE',
  'united arab emirates': 'AE',
  turkey: 'TR',
  türkiye: 'TR',
  turkiye: 'TR',
  турция: 'TR',
  土耳其: 'TR',
  'hong kong': 'HK',
  'hong kong sar': 'HK',
  'hong kong sar china': 'HK',
  香港: 'HK',
  中国香港: 'HK',
  гонконг: 'HK',
  macau: 'MO',
  macao: 'MO',
  澳门: 'MO',
  中国澳门: 'MO',
  taiwan: 'TW',
  台湾: 'TW',
  中国台湾: 'TW',
  'south korea': 'KR',
  'republic of korea': 'KR',
  korea: 'KR',
  韩国: 'KR',
  'north korea': 'KP',
  кндр: 'KP',
  朝鲜: 'KP',
  кнр: 'CN',
  китай: 'CN',
  prc: 'CN',
  "people's republic of china": 'CN',
  中华人民共和国: 'CN',
  'czech republic': 'CZ',
  iran: 'IR',
  'islamic republic of iran': 'IR',
  vietnam: 'VN',
  'viet nam': 'VN',
  kyrgyzstan: 'KG',
  киргизия: 'KG',
  кыргызстан: 'KG',
  belarus: 'BY',
  белоруссия: 'BY',
  беларусь: 'BY',
  rus: 'RU',
  chn: 'CN',
  deu: 'DE',
  tur: 'TR',
  are: 'AE',
  kaz: 'KZ',
  blr: 'BY',
  ind: 'IN',
  ita: 'IT',
  kgz: 'KG',
  arm: 'AM',
  uzb: 'UZ',
  sgp: 'SG',
  hkg: 'HK',
  gbr: 'GB',
  fra: 'FR',
  jpn: 'JP',
  kor: 'KR',
};

const key = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,()«»"'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

let table: Map<string, string> | null = null;

function build(): Map<string, string> {
  const t = new Map<string, string>();
  const A = 65;
  const namers = ['en', 'ru', 'zh'].map((l) => {
    try {
      return new Intl.DisplayNames([l], { type: 'region' });
    } catch {
      return null;
    }
  });
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      // Skip deprecated aliases (SU, DD, YU, …: ICU names them after today's country) and non-countries.
      if (
        new Intl.Locale(`und-${code}`).region !== code ||
        ['ZZ', 'EU', 'EZ', 'UN'].includes(code) ||
        code.startsWith('Q') ||
        (code.startsWith('X') && code !== 'XK')
      )
        continue;
      for (const n of namers) {
        const name = n?.of(code);
        if (name && name !== code) {
          t.set(key(name), code);
          t.set(code.toLowerCase(), code);
        }
      }
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) t.set(key(k), v);
  return t;
}

/** The alpha-2 code, or the text as given (trimmed) when it names no known country. */
export function normalizeCountry(text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  if (s.length === 2 && s >= 'AA' && s <= 'ZZ' && /^[A-Z]{2}$/.test(s)) return s;
  table ??= build();
  return table.get(key(s)) ?? s;
}
