/**
 * Reference aliases: names that public reporting and sanctions lists give
 * for the same organisation, where no spelling rule can connect them
 * (CATIC = AVIC International, ОДК = UEC). Two names listed under one
 * organisation count as the same; names listed under two different ones as
 * different (UEC vs UEC-Saturn). Only public, well-documented aliases of
 * organisations that matter to this kind of investigation belong here; a
 * case's own decisions go in its judgements, not here.
 */
import { analyzeName } from './analyze';
import type { AnalyzedName } from './analyze';

const KNOWN_ORGS: readonly (readonly string[])[] = [
  ['Poly Technologies Inc.', '保利科技有限公司', 'Baoli Keji', 'Poly Tech', 'Polytech'],
  ['China Poly Group Corporation', '中国保利集团有限公司', 'Poly Group', 'China Poly'],
  ['JSC Ulan-Ude Aviation Plant', 'АО «Улан-Удэнский авиационный завод»', 'U-UAZ', 'UUAZ', 'У-УАЗ', 'УУАЗ'],
  ['Ulan-Ude Locomotive Repair Plant', 'Улан-Удэнский локомотиворемонтный завод', 'ULRZ', 'УЛРЗ'],
  [
    'AVIC International Holding Corporation',
    '中国航空技术国际控股有限公司',
    '中航国际',
    'AVIC International',
    'AVIC Intl',
    'CATIC',
    'China National Aero-Technology Import & Export Corporation',
  ],
  ['Aviation Industry Corporation of China', '中国航空工业集团有限公司', 'AVIC'],
  ['JSC United Engine Corporation', 'АО «Объединённая двигателестроительная корпорация»', 'UEC', 'ODK', 'ОДК'],
  ['PJSC UEC-Saturn', 'ПАО «ОДК-Сатурн»', 'NPO Saturn', 'НПО Сатурн'],
  ['JSC UEC-Perm Engines', 'АО «ОДК-Пермские моторы»', 'Perm Motors', 'ODK-PM', 'ОДК-ПМ'],
  ['JSC Russian Helicopters', 'АО «Вертолёты России»', 'HC Russian Helicopters'],
  ['State Corporation Rostec', 'Госкорпорация «Ростех»', 'Rostec', 'Rostekh', 'Ростех'],
];

const coreKey = (n: AnalyzedName): string => n.key.slice(0, n.key.indexOf('|'));

let index: Map<string, number> | null = null;
function orgIndex(): Map<string, number> {
  if (index) return index;
  index = new Map();
  KNOWN_ORGS.forEach((names, org) => {
    for (const name of names) {
      const key = coreKey(analyzeName(name));
      if (key && !index!.has(key)) index!.set(key, org);
    }
  });
  return index;
}

const orgOf = new WeakMap<AnalyzedName, number>();

/** Which organisation a name is a known alias of (an index into the list), or -1. */
export function knownOrg(n: AnalyzedName): number {
  let org = orgOf.get(n);
  if (org === undefined) orgOf.set(n, (org = orgIndex().get(coreKey(n)) ?? -1));
  return org;
}

export function knownOrgRelation(a: AnalyzedName, b: AnalyzedName): 'same' | 'different' | null {
  const x = knownOrg(a);
  const y = knownOrg(b);
  if (x < 0 || y < 0) return null;
  return x === y ? 'same' : 'different';
}
