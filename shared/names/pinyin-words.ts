/**
 * Whether a Latin word reads as pinyin: a run of Mandarin syllables, as a
 * Chinese name is written in Latin letters (Huabaoli, Zhongxing). Two such
 * words that differ are two different runs of characters, and so, in a short
 * Chinese name, two companies (华宝利 / 华宝义: huabaoli / huabaoyi), however
 * close their letters: a fuzzy match between them is not a typo. Latin
 * words also read as pinyin by chance (Kuba: ku-ba, Taliban: ta-li-ban), so
 * screening-chinese.ts asks more of a Latin name before it reads it so.
 */

/** Every syllable pinyin-pro gives a CJK character (U+4E00–U+9FFF), tones dropped, ü as v; m, n, ng, hng left out. */
const SYLLABLES = new Set(
  (
    'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ' +
    'ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui ' +
    'chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ' +
    'ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan ' +
    'gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen ' +
    'heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju ' +
    'juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai ' +
    'lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ' +
    'ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne ' +
    'nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang ' +
    'pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu ' +
    'qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se ' +
    'sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun ' +
    'shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou ' +
    'tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu ' +
    'xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze ' +
    'zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang ' +
    'zhui zhun zhuo zi zong zou zu zuan zui zun zuo'
  ).split(' '),
);
const LONGEST = 6;

/**
 * How many pinyin syllables `word` (lower case) splits wholly into, the
 * fewest way (xian is one, not xi-an); 0 when it does not read as pinyin.
 */
export function pinyinSyllables(word: string): number {
  let n = counted.get(word);
  if (n === undefined) {
    if (counted.size >= 100_000) counted.clear();
    counted.set(word, (n = countSyllables(word)));
  }
  return n;
}

// Names repeat their words (Trading, Engineering): each is read once.
const counted = new Map<string, number>();

function countSyllables(word: string): number {
  if (!/^[a-z]+$/.test(word)) return 0;
  // Fewest syllables that reach each position, plus one (0: unreachable).
  const least = new Uint8Array(word.length + 1);
  least[0] = 1;
  for (let end = 1; end <= word.length; end++)
    for (let len = 1; len <= LONGEST && len <= end; len++)
      if (least[end - len] && SYLLABLES.has(word.slice(end - len, end))) {
        const n = least[end - len]! + 1;
        if (!least[end] || n < least[end]!) least[end] = n;
      }
  return Math.max(0, least[word.length]! - 1);
}
