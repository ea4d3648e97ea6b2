/**
 * Records as the API returns them: each HS code with its HS 2022 text.
 * Only the methods that answer the app and the CLI describe codes, so the
 * nomenclature is loaded in the thread that serves them and nowhere else.
 */
import type { CustomsRecord, RecordDetail, SearchHit } from '../../../shared/domain/records';
import { hsDescriber } from '../../../shared/goods/hs-describe';

/** The records with `hsText`, the most specific HS 2022 level their code reaches. */
export async function withHsText(records: CustomsRecord[]): Promise<CustomsRecord[]> {
  const describe = await hsDescriber();
  const texts = new Map<string | null, string | null>();
  for (const r of records) {
    if (!texts.has(r.hsCode)) texts.set(r.hsCode, describe(r.hsCode)?.levels.at(-1)?.text ?? null);
    r.hsText = texts.get(r.hsCode)!;
  }
  return records;
}

/** Search hits with the HS 2022 text of each record hit's code. */
export async function hitsWithHsText(hits: SearchHit[]): Promise<SearchHit[]> {
  if (!hits.some((h) => h.hsCode)) return hits;
  const describe = await hsDescriber();
  return hits.map((h) => (h.hsCode ? { ...h, hsText: describe(h.hsCode)?.levels.at(-1)?.text ?? null } : h));
}

/** A record's detail with its HS code described chapter to subheading. */
export async function withGoods(detail: RecordDetail): Promise<RecordDetail> {
  const describe = await hsDescriber();
  const goods = describe(detail.record.hsCode);
  return { ...detail, record: { ...detail.record, hsText: goods?.levels.at(-1)?.text ?? null }, goods };
}
