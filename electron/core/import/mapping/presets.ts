import type { Mapping, PresetInfo } from '../../../../shared/domain/records';

export type { Mapping };

interface Preset {
  name: string;
  label: string;
  mapping: Mapping;
}

/**
 * Built-in mappings for the vendor layouts investigators meet most (see
 * the fixtures README for each layout). Columns a preset leaves out
 * (TRADEMARK, carrier_code, …) stay in every record's raw row.
 */
export const PRESETS: Record<string, Preset> = {
  'ru-customs': {
    name: 'ru-customs',
    label: 'Russian customs declarations (resold by data vendors)',
    mapping: {
      columns: {
        DECLARATION_NUMBER: 'declarationNo',
        DATE: 'date',
        DIRECTION: 'direction',
        SENDER: 'shipper',
        SENDER_ADDRESS: 'shipperAddress',
        SENDER_COUNTRY: 'shipperCountry',
        RECEIVER: 'consignee',
        RECEIVER_INN: 'consigneeId',
        RECEIVER_ADDRESS: 'consigneeAddress',
        HS_CODE: 'hsCode',
        GOODS_DESCRIPTION: 'description',
        ORIGIN_COUNTRY: 'originCountry',
        TRADING_COUNTRY: 'tradingCountry',
        PRODUCER: 'producer',
        QUANTITY: 'quantity',
        UNIT: 'unit',
        NET_WEIGHT_KG: 'netKg',
        GROSS_WEIGHT_KG: 'grossKg',
        INVOICE_VALUE: 'value',
        CURRENCY: 'currency',
        STATISTICAL_VALUE_USD: 'valueUsd',
        CUSTOMS_POST: 'customsPost',
        TRANSPORT: 'transport',
      },
    },
  },
  bol: {
    name: 'bol',
    label: 'US bills of lading (AMS style)',
    mapping: {
      columns: {
        identifier: 'declarationNo',
        arrival_date: 'date',
        shipper_party_name: 'shipper',
        shipper_address: 'shipperAddress',
        consignee_name: 'consignee',
        consignee_address: 'consigneeAddress',
        notify_party_name: 'notify',
        foreign_port_of_lading: 'portLading',
        port_of_unlading: 'portUnlading',
        description_text: 'description',
        harmonized_number: 'hsCode',
        harmonized_value: 'valueUsd',
        weight: 'grossKg',
        piece_count: 'quantity',
        vessel_name: 'vessel',
      },
      weightUnit: 'weight_unit',
    },
  },
  panjiva: {
    name: 'panjiva',
    label: 'Panjiva-style shipment feed',
    mapping: {
      columns: {
        panjivaRecordId: 'declarationNo',
        shpmtDate: 'date',
        shpName: 'shipper',
        shpCountry: 'shipperCountry',
        conName: 'consignee',
        conCountry: 'consigneeCountry',
        hsCode: 'hsCode',
        goodsShipped: 'description',
        weightKg: 'grossKg',
        valueOfGoodsUSD: 'valueUsd',
        portOfLading: 'portLading',
        portOfUnlading: 'portUnlading',
      },
    },
  },
  'cn-customs': {
    name: 'cn-customs',
    label: 'Chinese customs data (中国海关数据)',
    mapping: {
      columns: {
        日期: 'date',
        进出口: 'direction',
        发货人: 'shipper',
        收货人: 'consignee',
        商品编码: 'hsCode',
        商品名称: 'description',
        数量: 'quantity',
        单位: 'unit',
        美元价值: 'valueUsd',
        原产国: 'originCountry',
        贸易国: 'tradingCountry',
      },
    },
  },
};

export const builtinPresets = (): PresetInfo[] =>
  Object.values(PRESETS).map((p) => ({ name: p.name, label: p.label, origin: 'builtin' as const, mapping: p.mapping }));

/** The preset whose columns a header holds (all of the preset's mapped columns present), if any. */
export function presetForHeader(columns: string[]): Preset | null {
  const have = new Set(columns);
  let best: Preset | null = null;
  let bestCount = 0;
  for (const p of Object.values(PRESETS)) {
    const cols = Object.keys(p.mapping.columns);
    if (cols.every((c) => have.has(c)) && cols.length > bestCount) {
      best = p;
      bestCount = cols.length;
    }
  }
  return best;
}
