import type { RecordField } from '../../../shared/domain/records';

export interface Mapping {
  /** Source column name → Custodian field. */
  columns: Record<string, RecordField>;
  dateOrder?: 'iso' | 'dmy' | 'mdy' | 'ymd';
}

export interface Preset {
  name: string;
  label: string;
  mapping: Mapping;
}

/** Built-in mappings for the vendor layouts investigators meet most. */
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
};
