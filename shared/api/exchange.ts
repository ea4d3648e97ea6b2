import { z } from 'zod';
import { job, method } from './define';

/** The investigator's own signing identity (the key itself never leaves the app's folder). */
export interface Identity {
  /** Short form of the public key's SHA-256, for reading out over a phone line. */
  fingerprint: string;
  /** The public key (SPKI DER, base64): what a colleague saves to trust you. */
  publicKey: string;
}

export interface TrustedKey {
  name: string;
  fingerprint: string;
  publicKey: string;
}

export interface ExportResult {
  path: string;
  digest: string;
  fingerprint: string;
  /** What a redacted export kept (absent for a whole-case export). */
  kept?: {
    diagrams: number[];
    entities: number;
    records: number;
    documents: number;
    excerpts: number;
    hits: number;
    listEntries: number;
  };
}

/** Who sealed a file: a trusted colleague (by name), you, or a key you have not trusted. */
export interface Signer {
  fingerprint: string;
  /** The name you trusted the key under ("you" for your own key); null when unknown. */
  name: string | null;
  trusted: boolean;
  /** The name the sender gave themselves in the seal: a claim, not proof. */
  claimedBy: string;
}

/** One thing verify found wrong, named precisely enough to find it. */
export interface VerifyProblem {
  part: 'seal' | 'signature' | 'table' | 'row' | 'blob' | 'audit';
  table?: string;
  /** The row's key, e.g. `id=42`. */
  row?: string;
  sha256?: string;
  seq?: number;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  signer: Signer | null;
  digest: string;
  problems: VerifyProblem[];
}

const path = z.string().min(1);

export const exchangeApi = {
  'identity.get': method<Identity>()(z.object({}), { mutates: false, noCase: true }),
  'identity.trusted': method<TrustedKey[]>()(z.object({}), { mutates: false, noCase: true }),
  'identity.trust': method<TrustedKey>()(z.object({ name: z.string().min(1).max(200), publicKey: z.string().min(1) }), {
    mutates: false,
    noCase: true,
  }),
  /** Forgets a colleague's key (files they sealed then show as from an unknown signer). */
  'identity.untrust': method<TrustedKey[]>()(z.object({ publicKey: z.string().min(1) }), {
    mutates: false,
    noCase: true,
  }),
  /** What an export redacted to these diagrams would keep (nothing is written). */
  'exchange.preview': method<NonNullable<ExportResult['kept']>>()(
    z.object({ onlyDiagrams: z.array(z.number().int().positive()).min(1) }),
    { mutates: false },
  ),
  /** Writes a compact, optionally redacted, sealed copy of the open case for a colleague. */
  'exchange.export': job<ExportResult>()(
    z.object({
      path,
      onlyDiagrams: z.array(z.number().int().positive()).default([]),
      /** A PEM Ed25519 private key to sign with instead of the investigator's own. */
      keyFile: z.string().min(1).optional(),
    }),
    { mutates: false },
  ),
  /** Checks a received file: safe to open, unchanged since sealed, and by whom. */
  'exchange.verify': job<VerifyResult>()(z.object({ path }), { mutates: false, noCase: true }),
};

export type ExchangeMethods = keyof typeof exchangeApi;
