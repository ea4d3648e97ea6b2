import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Identity, TrustedKey } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';

/**
 * The investigator's Ed25519 key pair and the public keys of colleagues
 * they trust. Both live in the app's own folder, never in a case: a case
 * travels, the key must not. The private key is made on first use and is
 * readable by its owner only (0600, in a 0700 folder).
 */

export interface SigningKey {
  privateKey: KeyObject;
  identity: Identity;
}

const identityDir = (appDataDir: string) => join(appDataDir, 'identity');
const keyPath = (appDataDir: string) => join(identityDir(appDataDir), 'signing-key.pem');
const trustedPath = (appDataDir: string) => join(identityDir(appDataDir), 'trusted.json');

/** The public key as SPKI DER in base64: what a seal carries and a colleague trusts. */
export function publicKeyText(key: KeyObject): string {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  return pub.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** The first 80 bits of the public key's SHA-256, in groups of four: short enough to compare by voice. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 20);
  return hex.match(/.{4}/g)!.join(' ');
}

/** Parses a public key given as base64 SPKI DER or PEM, refusing anything but Ed25519. */
export function parsePublicKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    const trimmed = text.trim();
    key = trimmed.startsWith('-----')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new CustodianError('invalid_key', 'That is not a public key (expected base64 SPKI or PEM).');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CustodianError('invalid_key', `That is a ${key.asymmetricKeyType} key; Custodian signs with Ed25519.`);
  }
  return key;
}

function writePrivate(path: string, text: string): void {
  // Written aside and renamed, so that a crash never leaves half a key where the key should be.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function ensureDir(appDataDir: string): void {
  mkdirSync(identityDir(appDataDir), { recursive: true, mode: 0o700 });
  chmodSync(identityDir(appDataDir), 0o700);
}

/** Reads an Ed25519 private key from a PEM file (`--key`), with a clear error for anything else. */
export function readKeyFile(path: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch (e) {
    throw new CustodianError(
      'invalid_key',
      `${path} is not a private key file (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new CustodianError(
      'invalid_key',
      `${path} holds a ${privateKey.asymmetricKeyType} key; Custodian signs with Ed25519.`,
    );
  }
  const publicKey = publicKeyText(privateKey);
  return { privateKey, identity: { publicKey, fingerprint: fingerprintOf(publicKey) } };
}

/** The investigator's own key, made on first use. */
export function ownSigningKey(appDataDir: string): SigningKey {
  const path = keyPath(appDataDir);
  if (!existsSync(path)) {
    ensureDir(appDataDir);
    const { privateKey } = generateKeyPairSync('ed25519');
    writePrivate(path, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  return readKeyFile(path);
}

export const ownIdentity = (appDataDir: string): Identity => ownSigningKey(appDataDir).identity;

export function listTrusted(appDataDir: string): TrustedKey[] {
  const path = trustedPath(appDataDir);
  if (!existsSync(path)) return [];
  try {
    const list = JSON.parse(readFileSync(path, 'utf8')) as TrustedKey[];
    return Array.isArray(list) ? list : [];
  } catch {
    throw new CustodianError('corrupt', `${path} is damaged; fix or remove it to trust colleagues again.`);
  }
}

/** Saves a colleague's public key under a name; trusting the same key again renames it. */
export function trustKey(appDataDir: string, name: string, publicKeyInput: string): TrustedKey {
  const publicKey = publicKeyText(parsePublicKey(publicKeyInput));
  const entry: TrustedKey = { name, fingerprint: fingerprintOf(publicKey), publicKey };
  const list = listTrusted(appDataDir).filter((t) => t.publicKey !== publicKey);
  ensureDir(appDataDir);
  writePrivate(trustedPath(appDataDir), JSON.stringify([...list, entry], null, 2));
  return entry;
}

/** Removes a colleague's key from the trusted list (nothing happens if it was not there). */
export function untrustKey(appDataDir: string, publicKey: string): TrustedKey[] {
  const list = listTrusted(appDataDir).filter((t) => t.publicKey !== publicKey.trim());
  ensureDir(appDataDir);
  writePrivate(trustedPath(appDataDir), JSON.stringify(list, null, 2));
  return list;
}

/** The name a public key is known by: "you", a trusted colleague's, or null. */
export function nameOfKey(appDataDir: string, publicKey: string): string | null {
  if (existsSync(keyPath(appDataDir)) && ownSigningKey(appDataDir).identity.publicKey === publicKey) return 'you';
  return listTrusted(appDataDir).find((t) => t.publicKey === publicKey)?.name ?? null;
}
