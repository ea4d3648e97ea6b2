import type { RecordField } from '../../../../shared/domain/records';

/**
 * Header words for each field in English, Russian and Chinese, as vendors
 * spell them. A header is reduced to lower-case letters and digits before
 * matching; an exact match wins over a header that merely contains a word.
 */
const WORDS: [RecordField, string[]][] = [
  [
    'declarationNo',
    [
      'declarationnumber',
      'declarationno',
      'declaration',
      'billoflading',
      'bol',
      'blnumber',
      'identifier',
      'recordid',
      'shipmentid',
      'номердекларации',
      'номердт',
      'декларация',
      'гтд',
      '报关单号',
      '报关单编号',
    ],
  ],
  [
    'date',
    [
      'date',
      'shipmentdate',
      'arrivaldate',
      'declarationdate',
      'shpmtdate',
      'dt',
      'дата',
      'датадекларации',
      'датаоформления',
      '日期',
      '申报日期',
      '进出口日期',
    ],
  ],
  [
    'direction',
    [
      'direction',
      'flow',
      'tradeflow',
      'importexport',
      'направление',
      'направлениеперемещения',
      'имэк',
      '进出口',
      '进出口标志',
    ],
  ],
  [
    'shipperAddress',
    ['shipperaddress', 'senderaddress', 'exporteraddress', 'адресотправителя', 'адресотправ', '发货人地址'],
  ],
  [
    'shipperCountry',
    ['shippercountry', 'sendercountry', 'exportercountry', 'shpcountry', 'странаотправителя', '发货人国家'],
  ],
  ['shipperId', ['shipperid', 'senderinn', 'shippertaxid', 'иннотправителя', '发货人代码']],
  [
    'shipper',
    [
      'shipper',
      'sender',
      'exporter',
      'consignor',
      'supplier',
      'seller',
      'shpname',
      'shipperpartyname',
      'shippername',
      'отправитель',
      'экспортер',
      'грузоотправитель',
      'поставщик',
      '发货人',
      '发货单位',
      '出口商',
      '境外发货人',
    ],
  ],
  ['consigneeAddress', ['consigneeaddress', 'receiveraddress', 'importeraddress', 'адресполучателя', '收货人地址']],
  [
    'consigneeCountry',
    ['consigneecountry', 'receivercountry', 'importercountry', 'concountry', 'странаполучателя', '收货人国家'],
  ],
  [
    'consigneeId',
    ['consigneeid', 'receiverinn', 'importerinn', 'inn', 'иннполучателя', 'инн', '收货人代码', '统一社会信用代码'],
  ],
  [
    'consignee',
    [
      'consignee',
      'receiver',
      'importer',
      'buyer',
      'conname',
      'consigneename',
      'получатель',
      'импортер',
      'грузополучатель',
      'покупатель',
      '收货人',
      '收货单位',
      '进口商',
      '境内收货人',
    ],
  ],
  ['notify', ['notifyparty', 'notifypartyname', 'notify', 'уведомляемаясторона', '通知人']],
  ['producer', ['producer', 'manufacturer', 'maker', 'производитель', 'изготовитель', '生产商', '生产厂家', '制造商']],
  [
    'hsCode',
    [
      'hscode',
      'hs',
      'harmonizednumber',
      'harmonizedcode',
      'tariffcode',
      'commoditycode',
      'тнвэд',
      'кодтнвэд',
      'кодтовара',
      '商品编码',
      '税则号',
      'hs编码',
      '海关编码',
    ],
  ],
  [
    'description',
    [
      'description',
      'goodsdescription',
      'descriptiontext',
      'goodsshipped',
      'productdescription',
      'goods',
      'product',
      'описание',
      'описаниетовара',
      'наименованиетовара',
      'товар',
      '商品名称',
      '商品描述',
      '品名',
      '货物名称',
    ],
  ],
  ['quantity', ['quantity', 'qty', 'piececount', 'pieces', 'количество', 'колво', '数量']],
  ['unit', ['unit', 'quantityunit', 'uom', 'единица', 'едизм', 'единицаизмерения', '单位', '计量单位']],
  ['netKg', ['netweight', 'netweightkg', 'netkg', 'нетто', 'весnetto', 'весне', 'весннетто', 'весекгнетто', '净重']],
  ['grossKg', ['grossweight', 'grossweightkg', 'weightkg', 'weight', 'grosskg', 'брутто', 'весбрутто', '毛重', '重量']],
  [
    'valueUsd',
    [
      'valueusd',
      'usdvalue',
      'valueofgoodsusd',
      'statisticalvalueusd',
      'statisticalvalue',
      'harmonizedvalue',
      'статстоимость',
      'статистическаястоимость',
      'стоимостьusd',
      '美元价值',
      '美元金额',
      '金额美元',
    ],
  ],
  [
    'value',
    ['value', 'invoicevalue', 'amount', 'price', 'фактурнаястоимость', 'стоимость', 'сумма', '金额', '总价', '价值'],
  ],
  ['currency', ['currency', 'curr', 'валюта', '币制', '币种', '货币']],
  ['originCountry', ['origincountry', 'countryoforigin', 'origin', 'странапроисхождения', '原产国', '原产地']],
  [
    'destinationCountry',
    ['destinationcountry', 'countryofdestination', 'destination', 'странаназначения', '目的国', '运抵国'],
  ],
  [
    'tradingCountry',
    [
      'tradingcountry',
      'tradingpartner',
      'partnercountry',
      'торгующаястрана',
      'странаконтрагента',
      '贸易国',
      '贸易国别',
    ],
  ],
  [
    'portLading',
    ['portoflading', 'foreignportoflading', 'loadingport', 'portofloading', 'портпогрузки', '装货港', '起运港'],
  ],
  ['portUnlading', ['portofunlading', 'portofdischarge', 'dischargeport', 'портвыгрузки', '卸货港', '指运港']],
  ['customsPost', ['customspost', 'customsoffice', 'customs', 'таможенныйпост', 'таможня', '海关', '申报口岸', '口岸']],
  [
    'transport',
    ['transport', 'modeoftransport', 'transportmode', 'вид транспорта', 'видтранспорта', 'транспорт', '运输方式'],
  ],
  ['vessel', ['vessel', 'vesselname', 'ship', 'судно', '船名', '运输工具名称']],
];

const simplify = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Column → field suggestions for an unknown layout; each field is suggested for at most one column. */
export function suggestMapping(columns: string[]): Record<string, RecordField> {
  const out: Record<string, RecordField> = {};
  const taken = new Set<RecordField>();
  const keys = columns.map(simplify);
  for (const exact of [true, false]) {
    keys.forEach((k, i) => {
      if (!k || out[columns[i]!]) return;
      for (const [field, words] of WORDS) {
        if (taken.has(field)) continue;
        const hit = exact ? words.includes(k) : words.some((w) => w.length >= 4 && k.includes(w));
        if (hit) {
          out[columns[i]!] = field;
          taken.add(field);
          return;
        }
      }
    });
  }
  return out;
}
