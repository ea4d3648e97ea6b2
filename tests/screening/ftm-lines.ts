// OpenSanctions FtM lines for the list and screening tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../../electron/core/context';
import { must } from '../helpers/temp';

const ftm = (schema: string, id: string, properties: Record<string, string[]>) =>
  JSON.stringify({ id, schema, properties });
export const FTM_LINES = [
  // The Sanction comes before its party: facts are kept by the party's id, in any order.
  ftm('Sanction', 'sanc-uuaz', {
    entity: ['NK-uuaz'],
    program: ['RUSSIA-EO14024'],
    listingDate: ['2022-06-28'],
    authority: ['Office of Foreign Assets Control'],
    reason: ['Operating in the aerospace sector of the Russian economy.'],
  }),
  ftm('Company', 'NK-uuaz', {
    name: ['JSC ULAN-UDE AVIATION PLANT'],
    alias: ['ULAN-UDE AVIATION PLANT', 'Улан-Удэнский авиационный завод'],
    innCode: ['0323018510'],
    country: ['ru'],
    address: ['1 Khorinskaya St, Ulan-Ude, 670009'],
  }),
  ftm('Person', 'NK-person', { name: ['Ivan Ivanovich Testov'], birthDate: ['1961-02-03'], nationality: ['ru'] }),
  ftm('Identification', 'id-1', { holder: ['NK-person'], number: ['4509 123456'] }),
  ftm('Address', 'addr-1', { full: ['somewhere'] }),
  ftm('Organization', 'NK-poly', { name: ['POLY TECHNOLOGIES INC'], alias: ['保利科技有限公司'] }),
  ftm('Sanction', 'sanc-poly', { entity: ['NK-poly'], program: ['IRAN-CHINA'], startDate: ['2019-05-23'] }),
];

export async function importFtm(
  core: CoreContext,
  dir: string,
  lines = FTM_LINES,
  asOf = '2024-03-01',
  file = 'us_ofac_sdn.json',
) {
  const path = join(dir, file);
  writeFileSync(path, lines.join('\n') + '\n');
  return must(core, 'lists.import', { paths: [path], asOf, name: 'OFAC SDN (OpenSanctions)' });
}
