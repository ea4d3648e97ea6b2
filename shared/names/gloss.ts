/**
 * Words that mean the same across the languages of trade data, so that an
 * English name meets its transliterated or pinyin form: "Aviation Plant" ↔
 * "aviatsionnyy zavod", "Technology" ↔ "Keji" ↔ 科技. Each entry is a
 * concept and its spellings: Latin words (one or more tokens), Cyrillic
 * (transliterated and folded like any token), Han (used to segment Chinese
 * names). A Latin or Cyrillic spelling ending in `*` matches as a prefix
 * (Russian inflected forms: авиационн*, двигател*).
 *
 * Only ordinary vocabulary of company names belongs here, never the name of
 * a particular company: that is what the scorer and the judgements are for.
 */
export const GLOSS: readonly (readonly string[])[] = [
  [
    'tech',
    'technology',
    'technologies',
    'tech',
    'techno',
    'technik',
    'teknoloji',
    'tecno',
    'tekhnologii*',
    'keji',
    'jishu',
    '科技',
    '技术',
    'технологи*',
    'текнолоджи*',
  ],
  [
    'electronics',
    'electronics',
    'electronic',
    'elektronik',
    'elettronica',
    'elektronika',
    'dianzi',
    '电子',
    'электроник*',
  ],
  ['trade', 'trading', 'trade', 'trade co', 'handels', 'handel', 'treid', 'maoyi', '贸易', 'торгов*', 'трейд'],
  ['machinery', 'machinery', 'machines', 'machine', 'makina', 'meccanica', 'jixie', '机械'],
  ['import', 'import', 'imports', 'jinkou', '进口', 'импорт'],
  ['export', 'export', 'exports', 'chukou', '出口', 'экспорт'],
  ['importexport', 'import export', 'import & export', 'import and export', 'imp exp', 'jinchukou', '进出口'],
  ['industrial', 'industrial', 'industries', 'industry', 'shiye', 'sanayi', '实业', 'gongye', '工业', 'промышленн*'],
  ['optoelectronics', 'optoelectronics', 'optoelectronic', 'guangdian', '光电'],
  ['communication', 'communication', 'communications', 'tongxin', '通信', 'связь'],
  ['precision', 'precision', 'praezision', 'prazision', 'jingmi', '精密'],
  ['international', 'international', 'intl', 'int', 'internatsional*', 'guoji', '国际', 'международн*'],
  ['semiconductor', 'semiconductor', 'semiconductors', 'bandaoti', '半导体'],
  ['automation', 'automation', 'zidonghua', '自动化'],
  ['instruments', 'instruments', 'instrument', 'yiqi', '仪器'],
  // Industries named as one compound word in Russian: whole words only, so that a proper name built on the
  // same root (Приборпром, Машиностройсервис) keeps its own spelling.
  [
    'instrumentmaking',
    'instrument making',
    'instrument building',
    'priborostroitel*',
    'yiqizhizao',
    '仪器制造',
    'приборостроительн*',
  ],
  [
    'machinebuilding',
    'machine building',
    'mechanical engineering',
    'mashinostroitel*',
    'jixiezhizao',
    '机械制造',
    'машиностроительн*',
  ],
  ['supplychain', 'supply chain', 'gongyinglian', '供应链'],
  ['group', 'group', 'groupe', 'gruppe', 'grup', 'grupp', 'grupa', 'jituan', '集团', 'групп', 'группа'],
  ['holding', 'holding', 'holdings', 'konggu', '控股', 'холдинг'],
  ['development', 'development', 'dev', 'fazhan', '发展', 'развити*'],
  ['avia', 'aviation', 'aviatsion*', 'aviacion*', 'aero', 'aerospace', 'hangkong', '航空', 'авиационн*'],
  ['engine', 'engine', 'engines', 'motor', 'motors', 'motory', 'fadongji', '发动机', 'двигател*', 'моторы', 'мотор'],
  ['building', 'building', 'stroitel*', 'строительн*'],
  ['plant', 'plant', 'factory', 'works', 'zavod', 'gongchang', '工厂', '厂', 'chang', 'завод'],
  ['locomotive', 'locomotive', 'lokomotiv*', 'локомотив*'],
  ['repair', 'repair', 'remont*', 'ремонт*'],
  ['united', 'united', 'obedinen*', 'obedinion*', 'объединенн*'],
  ['helicopters', 'helicopters', 'helicopter', 'vertolet*', 'zhishengji', '直升机', 'вертолет*'],
  ['russia', 'russia', 'russian', 'rossii', 'rossiia', 'rossiiskaia', 'россии', 'россия', 'российск*'],
  ['china', 'china', 'zhongguo', '中国', 'китай'],
  ['poly', 'poly', 'baoli', '保利', '宝利'],
  ['avic', 'avic', 'zhongguo hangkong'],
  // ОДК (Объединённая двигателестроительная корпорация) = UEC (United Engine Corporation): a part of many
  // subsidiaries' names (ОДК-Сатурн = UEC-Saturn), so it is vocabulary, not one company.
  ['uec', 'uec', 'odk', 'одк'],
  ['starlight', 'starlight', 'xingguang', '星光'],
  ['oriental', 'oriental', 'dongfang', '东方'],
  ['greatwall', 'great wall', 'changcheng', '长城'],
  ['ocean', 'ocean', 'yuanyang', '远洋'],
  ['newcentury', 'new century', 'xinshiji', '新世纪'],
  ['galaxy', 'galaxy', 'yinhe', '银河'],
  ['flyingdragon', 'flying dragon', 'feilong', '飞龙'],
  ['hongkong', 'hong kong', 'hongkong', 'xianggang', '香港'],
  ['systems', 'systems', 'system', 'sistemi', 'sistem', 'sistemy', 'системы'],
  ['engineering', 'engineering', 'inzhiniring', 'инжиниринг'],
  ['service', 'service', 'services', 'servis', 'сервис'],
  ['logistics', 'logistics', 'lojistik', 'logistik', 'wuliu', '物流', 'логистик*'],
  ['components', 'components', 'componenti', 'komponenty'],
  ['radio', 'radio', 'радио'],
];

/** Cities that customs clerks append to a name ("Beijing Branch", "北京分公司"); removed from the end of a name. */
export const CHINESE_CITIES = [
  '北京',
  '上海',
  '深圳',
  '深圳市',
  '广州',
  '杭州',
  '西安',
  '成都',
  '哈尔滨',
  '大连',
  '天津',
  '苏州',
  '厦门',
  '宁波',
  '沈阳',
  '武汉',
  '义乌',
  '重庆',
  '南京',
  '青岛',
  '长沙',
  '郑州',
  '香港',
];

/**
 * Concepts so common in company names that they say little about which
 * company is meant; their weight is capped whatever the case's own counts.
 */
export const WEAK_CONCEPTS: ReadonlySet<string> = new Set([
  '#plant',
  '#building',
  '#holding',
  '#international',
  '#china',
]);
