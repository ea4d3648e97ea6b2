import { createHash } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApiParsedInput } from '../../../shared/api';
import type { BriefVersion, RenderedBrief } from '../../../shared/domain/briefs';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { findGeneratedBrief } from '../db/briefs';
import type { WriteDb } from '../db/types';
import { mustDiagram } from '../diagrams/history';
import type { JobControl } from '../jobs/protocol';
import { defaultBriefContent } from './default-brief';
import { gatherBrief } from './gather';
import { renderBriefPdf } from './pdf/render-pdf';
import { previewPath } from './preview';
import { mustBrief, saveBrief } from './store';

/** The default brief of these diagrams, saved (a new version only when what it says changed). */
function defaultBrief(db: WriteDb, diagrams: number[], title: string | undefined, actor: string): BriefVersion {
  for (const id of diagrams) mustDiagram(db, id);
  return db
    .transaction(() => {
      const content = defaultBriefContent(db, diagrams, title);
      const existing = findGeneratedBrief(db, diagrams) ?? undefined;
      const before = existing === undefined ? null : mustBrief(db, existing);
      const saved = saveBrief(db, existing, content, actor, diagrams);
      if (!before || before.version !== saved.version)
        appendAudit(db, actor, 'briefs.save', { id: saved.id, version: saved.version, generatedFrom: diagrams });
      return saved;
    })
    .immediate();
}

/**
 * Renders a brief version to `out`: the PDF is written beside it and renamed
 * into place once whole, and its SHA-256 is recorded in the audit log (the
 * same version renders to the same bytes, so the hash can be checked later)
 * — but not in a received case, which the receiver may not change
 * (`audited: false`): printing its sealed content is what they may do.
 */
export async function renderBrief(
  db: WriteDb,
  input: ApiParsedInput<'briefs.render'>,
  actor: string,
  control: JobControl,
  { audited }: { audited: boolean } = { audited: true },
): Promise<RenderedBrief> {
  control.progress(null, 'Gathering the evidence');
  if (input.title !== undefined && input.diagrams === undefined)
    throw new CustodianError(
      'invalid_input',
      'A title is given to a default brief (with diagrams); a saved brief has its own.',
    );
  const brief = input.diagrams
    ? defaultBrief(db, input.diagrams, input.title, actor)
    : mustBrief(db, input.id!, input.version);
  const data = gatherBrief(db, brief);
  control.progress(0.2, 'Drawing the PDF');
  const { bytes, pages } = await renderBriefPdf(data);
  if (control.signal.aborted) throw new CustodianError('cancelled', 'The brief was cancelled.');
  const path = input.out === undefined ? previewPath(db, brief.id, brief.version) : resolve(input.out);
  const part = `${path}.part`;
  try {
    writeFileSync(part, bytes);
    renameSync(part, path);
  } catch (e) {
    rmSync(part, { force: true });
    throw new CustodianError('write_failed', `Could not write ${path}: ${(e as Error).message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = { briefId: brief.id, version: brief.version, path, sha256, bytes: bytes.length, pages };
  if (audited) db.transaction(() => appendAudit(db, actor, 'briefs.render', result)).immediate();
  control.progress(1, 'Done');
  return result;
}
