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

/** What a merge brought in, by kind (sources, records, documents, entities, links, diagrams…); 0 where nothing. */
export type MergeCounts = Record<string, number>;

export type MergeConflictKind = 'annotation' | 'link' | 'diagram';

/**
 * A thing both cases have (the same annotation, link or diagram: made by
 * the same person at the same moment) in two different versions. Mine stays
 * in place until the investigator picks theirs.
 */
export interface MergeConflict {
  id: number;
  mergeId: number;
  kind: MergeConflictKind;
  /** The annotation, link or diagram id in this case. */
  localId: number;
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  /** Who their version is from: the sender of the file (its signer's trusted name, else the name its seal claims), else the thing's author. */
  theirsBy: string;
  picked: 'mine' | 'theirs' | null;
  pickedAt: string | null;
  pickedBy: string | null;
}

/** What `custodian merge` answers. */
export interface MergeResult {
  mergeId: number;
  /** The other file's check, made before anything in it was read (a hostile file is refused instead). */
  verify: VerifyResult;
  added: MergeCounts;
  /** Entity pairs put in the review queue (never merged here). */
  suggestions: number;
  /** Things of theirs that could not be placed (e.g. a note on a node of a diagram in conflict), with why. */
  skipped: { kind: string; id: number; reason: string }[];
  conflicts: MergeConflict[];
}

/** A merge not undone, as listed. */
export interface MergeSummary {
  mergeId: number;
  at: string;
  actor: string;
  otherFile: string;
  otherDigest: string;
  signer: Signer | null;
  verified: boolean;
  added: MergeCounts;
  conflictsOpen: number;
}

const path = z.string().min(1);
const mergeId = z.number().int().positive();

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
  /** Brings a colleague's case into the open one: evidence by content hash, entities by stable id, no duplicates. */
  'exchange.merge': job<MergeResult>()(z.object({ path }), { mutates: true }),
  'exchange.merges': method<MergeSummary[]>()(z.object({}), { mutates: false }),
  /** Takes a merge back: what it added removed, what it changed restored (the latest merge first). */
  'exchange.undoMerge': method<{ mergeId: number; removed: number; restored: number }>()(z.object({ mergeId }), {
    mutates: true,
  }),
  'exchange.conflicts': method<MergeConflict[]>()(
    z.object({ mergeId: mergeId.optional(), open: z.boolean().default(false) }),
    { mutates: false },
  ),
  /** Keeps one side of a conflict: mine (nothing changes) or theirs (put in place of mine; undone with the merge). */
  'exchange.pickConflict': method<MergeConflict>()(
    z.object({ id: z.number().int().positive(), pick: z.enum(['mine', 'theirs']) }),
    { mutates: true },
  ),
};

export type ExchangeMethods = keyof typeof exchangeApi;
