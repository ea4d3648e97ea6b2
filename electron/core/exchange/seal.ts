import { createPublicKey, sign, verify } from 'node:crypto';
import type { SealRow } from '../db/exchange-seal';
import { clearSeal, writeRowHints, writeSeal } from '../db/exchange-seal';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { digestCase, SEAL_FORMAT } from './digest';
import type { SigningKey } from './identity';

/** The bytes a seal's signature covers: every field of the seal but the signature and the row hints. */
export function sealMessage(s: Omit<SealRow, 'signature' | 'tables'>): Buffer {
  return Buffer.from(
    JSON.stringify([s.format, s.digest, s.auditSeq, s.auditHead, s.sealedAt, s.sealedBy, s.publicKey]),
    'utf8',
  );
}

/** Whether `signature` (base64) is `publicKey`'s over the seal; false for anything malformed. */
export function signatureHolds(seal: SealRow): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(seal.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, sealMessage(seal), key, Buffer.from(seal.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Seals an export's copy: digests its content (digest.ts), signs the digest
 * with the sender's key, and writes the seal and the row hints in one
 * transaction. Any earlier seal is dropped first (it described another file).
 */
export function sealCopy(db: WriteDb, key: SigningKey, sealedBy: string, control?: JobControl): SealRow {
  db.transaction(() => clearSeal(db)).immediate();
  // The copy's files are not re-read: the receiver's verify re-hashes each against its recorded SHA-256 (digest.ts rowTexts).
  const d = digestCase(db, control, 'Sealing', true, false);
  const unsigned = {
    format: SEAL_FORMAT,
    digest: d.digest,
    auditSeq: d.auditSeq,
    auditHead: d.auditHead,
    sealedAt: new Date().toISOString(),
    sealedBy,
    publicKey: key.identity.publicKey,
  };
  const seal: SealRow = {
    ...unsigned,
    signature: sign(null, sealMessage(unsigned), key.privateKey).toString('base64'),
    tables: JSON.stringify(d.tables),
  };
  db.transaction(() => {
    writeSeal(db, seal);
    for (const [table, hints] of d.hints) writeRowHints(db, table, hints);
  }).immediate();
  return seal;
}
