/**
 * What every list reader yields, streamed: entries (an id in the list, a
 * kind, a main name, the line it came from) and facts about an entry by
 * its id in the list (an alias, an address, a program…), in whatever order
 * the file gives them; the importer writes each as it comes.
 */
import { CustodianError } from '../../../../shared/result';

export type ValueField =
  'alias' | 'identifier' | 'country' | 'address' | 'program' | 'listed_on' | 'remarks' | 'birth_date';

export interface EntryItem {
  type: 'entry';
  externalId: string;
  /** organization, person, vessel, aircraft or other. */
  kind: string;
  name: string;
  line: number;
}

export interface ValueItem {
  type: 'value';
  externalId: string;
  field: ValueField;
  value: string;
}

export type ListItem = EntryItem | ValueItem;

/** One file of a list version and what it is (sdn, alt, add, comments, main). */
export interface ListFile {
  path: string;
  role: string;
}

/** A file that cannot be read as the list it claims to be: where and why. Nothing of the import is kept. */
export class ListFileError extends CustodianError {
  constructor(file: string, line: number, reason: string) {
    super('invalid_file', `${file}, line ${line}: ${reason}`, { file, line, reason });
  }
}

export const value = (externalId: string, field: ValueField, v: string | null | undefined): ValueItem | null => {
  const text = v?.trim();
  return text ? { type: 'value', externalId, field, value: text } : null;
};

/** How far the readers are through a version's files, in bytes (for a job's progress). */
export interface ReadProgress {
  bytes: number;
}
