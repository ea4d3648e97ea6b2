import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExchangeMethods } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';
import { defaultAppDataDir } from '../create-core';
import { appendAudit } from '../db/audit-log';
import { previewKept } from '../db/redaction';
import { exportCase } from '../exchange/export';
import { listTrusted, ownIdentity, ownSigningKey, readKeyFile, trustKey, untrustKey } from '../exchange/identity';
import { listConflicts } from '../db/merge-conflicts';
import { listMerges } from '../db/merges';
import { mergeCase } from '../exchange/merge';
import { pickConflict, undoMerge } from '../exchange/merge-undo';
import { verifyFile } from '../exchange/verify';
import { checkedJob, type Handlers } from './types';

export const exchangeHandlers: Handlers<ExchangeMethods> = {
  'identity.get': ({ core }) => ownIdentity(core.appDataDir),
  'identity.trusted': ({ core }) => listTrusted(core.appDataDir),
  'identity.trust': ({ core }, { name, publicKey }) => trustKey(core.appDataDir, name, publicKey),
  'identity.untrust': ({ core }, { publicKey }) => untrustKey(core.appDataDir, publicKey),
  'exchange.preview': ({ session }, { onlyDiagrams }) => ({
    diagrams: [...new Set(onlyDiagrams)].sort((a, b) => a - b),
    ...previewKept(session.db, onlyDiagrams),
  }),
  // Refused at once, not in the background: a file in the way, a key that is not one.
  'exchange.export': checkedJob<'exchange.export'>(
    (_ctx, { path, keyFile }) => {
      if (existsSync(resolve(path)))
        throw new CustodianError('exists', `${resolve(path)} already exists; choose a new file name.`);
      if (keyFile) readKeyFile(keyFile);
    },
    ({ session, actor, appDataDir }, { path, onlyDiagrams, keyFile }, control) => {
      const result = exportCase(
        session.db,
        {
          out: resolve(path),
          onlyDiagrams,
          key: keyFile ? readKeyFile(keyFile) : ownSigningKey(appDataDir ?? defaultAppDataDir()),
          actor,
        },
        control,
      );
      // The sender's own log says what left the case, where to, and by which seal.
      session.db
        .transaction(() =>
          appendAudit(session.db, actor, 'exchange.export', {
            out: result.path,
            redacted: onlyDiagrams.length > 0,
            onlyDiagrams: result.kept?.diagrams ?? [],
            kept: result.kept ?? null,
            digest: result.digest,
            signer: result.fingerprint,
          }),
        )
        .immediate();
      return result;
    },
  ),
  'exchange.verify': ({ appDataDir }, { path }, control) =>
    verifyFile(resolve(path), appDataDir ?? defaultAppDataDir(), control),
  'exchange.merge': checkedJob<'exchange.merge'>(
    (_ctx, { path }) => {
      if (!existsSync(resolve(path))) throw new CustodianError('not_found', `There is no file ${resolve(path)}.`);
    },
    ({ session, actor, appDataDir }, { path }, control) =>
      mergeCase(
        session.db,
        session.path,
        resolve(path),
        { actor, appDataDir: appDataDir ?? defaultAppDataDir() },
        control,
      ),
  ),
  'exchange.merges': ({ session }) => listMerges(session.db),
  'exchange.undoMerge': ({ session }, { mergeId }) => undoMerge(session.db, mergeId),
  'exchange.conflicts': ({ session }, { mergeId, open }) => listConflicts(session.db, { mergeId, open }),
  'exchange.pickConflict': ({ core, session }, { id, pick }) => pickConflict(session.db, id, pick, core.actor),
};
