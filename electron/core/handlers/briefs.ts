import type { BriefsMethods } from '../../../shared/api/briefs';
import { CustodianError } from '../../../shared/result';
import { listBriefs } from '../db/briefs';
import { renderBrief } from '../briefs/render-brief';
import { readPreview } from '../briefs/preview';
import { citationLines } from '../briefs/citation-lines';
import { mustBrief, saveBrief } from '../briefs/store';
import { checkedJob, type Handlers } from './types';

export const briefsHandlers: Handlers<BriefsMethods> = {
  'briefs.list': ({ session }) => listBriefs(session.db),
  'briefs.citations': ({ session }, { citations }) => citationLines(session.db, citations),
  'briefs.get': ({ session }, { id, version }) => mustBrief(session.db, id, version),
  'briefs.save': ({ core, session }, { id, content }) => saveBrief(session.db, id, content, core.actor),
  'briefs.render': checkedJob<'briefs.render'>(
    ({ session }, { id, version, diagrams }) => {
      if (session.received && diagrams)
        throw new CustodianError(
          'read_only',
          'A received case takes no new brief: render one of its saved briefs, or use "Save as my case" first.',
        );
      if (id !== undefined) mustBrief(session.db, id, version);
    },
    ({ session, actor }, input, control) =>
      renderBrief(session.db, input, actor, control, { audited: !session.received }),
  ),
  'briefs.preview': ({ session }, { id, version }) => {
    mustBrief(session.db, id, version);
    return readPreview(session.db, id, version);
  },
};
