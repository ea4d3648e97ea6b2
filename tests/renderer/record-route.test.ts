// The Records URL derives its parameters from the records filter schema: every filter a risk figure carries goes
// into the URL and comes back as the same filter, and no two fields (nor the list's own parameters) share a name.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordFilter, type RecordFilterInput } from '../../shared/api/records';

let route: typeof import('../../renderer/src/sections/records/record-route');

beforeAll(async () => {
  // The router reads the window's place when loaded; a bare one is enough here.
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    window: { addEventListener: () => undefined },
    location: { hash: '' },
    history: { pushState: () => undefined, replaceState: () => undefined },
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    },
  });
  route = await import('../../renderer/src/sections/records/record-route');
});

describe('the records route', () => {
  it('gives every filter field its own parameter, apart from the list’s', () => {
    const names = Object.keys(recordFilter.shape).map((f) => route.paramOf(f as keyof RecordFilterInput));
    expect(new Set(names).size).toBe(names.length);
    for (const own of ['record', 'hl', 'sort', 'desc']) expect(names).not.toContain(own);
  });

  it('keeps each filter through the URL: what a risk figure links to is what the table asks for', () => {
    const filters: RecordFilterInput[] = [
      { entityId: 12, dateTo: '2022-06-27' },
      { entityId: 12, dateFrom: '2022-06-28' },
      { chplTier: '3.B' },
      { chplTier: 'any', origin: 'CN', destination: 'none' },
      { entityId: 61, entityRole: 'consignee', counterpartyId: 104 },
      { query: 'Улан', flagged: true, importId: 2, valueMin: 0, valueMax: 5000, hsPrefix: '8807', party: 'Poly' },
    ];
    for (const f of filters) expect(route.queryOfParams(route.paramsOfFilter(f))).toEqual(f);
  });

  it('reads the URLs people already have, and drops a parameter the schema refuses', () => {
    expect(route.queryOfParams({ q: ' Ulan ', flagged: '1', sort: 'date', desc: '1', chpl: '9', min: 'lots' })).toEqual(
      {
        query: 'Ulan',
        flagged: true,
        sort: 'date',
        desc: true,
      },
    );
    expect(route.entityRecordsParams({ entityId: 5, counterpartyId: 7, hsPrefix: '88' })).toEqual({
      hs: '88',
      entity: '5',
      cp: '7',
    });
  });
});
