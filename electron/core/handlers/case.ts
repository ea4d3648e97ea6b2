import { existsSync } from 'node:fs';
import type { CaseMethods } from '../../../shared/api/case';
import { CustodianError } from '../../../shared/result';
import { auditFacets, countAudit, listAudit, verifyAudit } from '../db/audit-log';
import { writeAudit } from '../interchange/write-audit';
import { setMeta } from '../db/case-meta';
import { writeCompactCopy } from '../db/connection';
import { saveAsMine } from '../exchange/received';
import { readRecent, rememberRecent } from '../recent';
import { openSampleCase } from '../sample-case';
import { CaseSession } from '../session';
import type { CoreContext } from '../context';
import type { Handlers } from './types';

function switchTo(core: CoreContext, next: CaseSession): void {
  core.session?.close();
  core.session = next;
  rememberRecent(core.appDataDir, next.path);
}

export const caseHandlers: Handlers<CaseMethods> = {
  'case.create': ({ core }, { path, title }) => {
    switchTo(core, CaseSession.create(path, title, core.actor));
    return core.session!.info();
  },
  'case.open': ({ core }, { path }) => {
    switchTo(core, CaseSession.openAny(path, core.appDataDir));
    return core.session!.info();
  },
  'case.openSample': async ({ core }) => {
    switchTo(core, await openSampleCase(core.appDataDir, core.sampleDir, core.actor));
    return core.session!.info();
  },
  'case.close': ({ core }) => {
    core.session?.close();
    core.session = null;
    return null;
  },
  'case.current': ({ core }) => core.session?.info() ?? null,
  'case.recent': ({ core }) => readRecent(core.appDataDir).filter((p) => existsSync(p)),
  'case.info': ({ session }) => session.info(),
  'case.rename': ({ session }, { title }) => {
    setMeta(session.db, 'title', title);
    return session.info();
  },
  'case.saveCopy': ({ session }, { path }) => {
    if (existsSync(path)) throw new CustodianError('exists', `${path} already exists; choose a new file name.`);
    writeCompactCopy(session.db, path);
    return { path };
  },
  'case.saveAsMine': ({ core, session }, { path }) => {
    if (!session.received) throw new CustodianError('not_received', 'This case is your own already; use Save a copy.');
    saveAsMine(session.db, session.path, path, session.received, core.actor);
    switchTo(core, CaseSession.open(path));
    return core.session!.info();
  },
  'audit.list': ({ session }, { limit, offset, ...filter }) => listAudit(session.db, limit, offset, filter),
  'audit.count': ({ session }, filter) => countAudit(session.db, filter),
  'audit.facets': ({ session }) => auditFacets(session.db),
  'audit.export': ({ session }, { path, format, ...filter }) => writeAudit(session.db, path, format, filter),
  'audit.verify': ({ session }) => verifyAudit(session.db),
  'jobs.get': ({ core }, { jobId }) => core.jobs.get(jobId),
  'jobs.cancel': ({ core }, { jobId }) => core.jobs.cancel(jobId),
};
