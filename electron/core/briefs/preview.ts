import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodianError } from '../../../shared/result';
import { getMeta } from '../db/case-meta';
import type { ReadDb } from '../db/types';

/**
 * Where the app's preview of a brief version is written: a scratch folder
 * outside the case (a preview is not evidence; the audit log still records
 * its hash), named by the case's id so two cases never share a preview. The
 * renderer reads it back with `briefs.preview` — never an arbitrary path.
 */
export function previewPath(db: ReadDb, briefId: number, version: number): string {
  const dir = join(tmpdir(), 'custodian-brief-previews');
  mkdirSync(dir, { recursive: true });
  const caseId = (getMeta(db, 'case_id') ?? 'case').replace(/[^\w-]/g, '');
  return join(dir, `${caseId}-brief-${briefId}-v${version}.pdf`);
}

export function readPreview(db: ReadDb, briefId: number, version: number): { base64: string; sha256: string } {
  const path = previewPath(db, briefId, version);
  if (!existsSync(path))
    throw new CustodianError('not_found', `Brief ${briefId}, version ${version} has no preview yet: render it first.`);
  const bytes = readFileSync(path);
  return { base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') };
}
