import type { WriteDb } from '../types';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied. Numbered in tens to leave room. */
  version: number;
  name: string;
  sql: string;
  /** Work SQL alone cannot do (it runs after `sql`, in the same transaction). */
  run?(db: WriteDb): void;
}
