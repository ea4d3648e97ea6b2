import type { Migration } from './types';

/**
 * The seal of an exported case (exchange/seal.ts): one row, written last by
 * `custodian export`, holding the digest of everything else in the file, the
 * signer's public key and the signature. `exchange_seal_rows` keeps, per
 * table, a short hash of each row in key order, so that `verify` can name
 * the row that changed, not only say that something did. Neither table is
 * part of the digest (a seal cannot cover itself); a working case has them
 * empty, and a copy made from a received file drops the seal.
 */
export const m0140: Migration = {
  version: 140,
  name: 'exchange-seal',
  sql: `
CREATE TABLE exchange_seal (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format TEXT NOT NULL,
  digest TEXT NOT NULL,
  audit_seq INTEGER NOT NULL,
  audit_head TEXT NOT NULL,
  sealed_at TEXT NOT NULL,
  sealed_by TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL,
  tables TEXT NOT NULL
) STRICT;

CREATE TABLE exchange_seal_rows (
  table_name TEXT NOT NULL,
  chunk INTEGER NOT NULL,
  hashes BLOB NOT NULL,
  PRIMARY KEY (table_name, chunk)
) STRICT, WITHOUT ROWID;
`,
};
