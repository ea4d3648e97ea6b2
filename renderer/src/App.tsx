import { useEffect } from 'react';
import { client, shell } from './api/client';
import { useApp } from './state/store';
import { Welcome } from './Welcome';
import { Workspace } from './Workspace';
import { openCase, newCase, openSample, saveCopy, closeCase } from './case-actions';
import { exportForColleague } from './exchange/ExportDialog';
import { showIdentity } from './exchange/IdentityDialog';
import { mergeColleagueCase } from './sections/merge/merge-request';

export function App() {
  const caseInfo = useApp((s) => s.caseInfo);
  const setCase = useApp((s) => s.setCase);

  useEffect(() => {
    void client.call('case.current', {}).then((r) => r.ok && setCase(r.value));
    // Menu commands from the desktop shell (none in a browser).
    return shell.onMenu((cmd) => {
      if (cmd.type === 'new-case') void newCase();
      else if (cmd.type === 'open-case') void openCase();
      else if (cmd.type === 'open-path') void openCase(cmd.path);
      else if (cmd.type === 'open-sample') void openSample();
      else if (cmd.type === 'save-copy') void saveCopy();
      else if (cmd.type === 'close-case') void closeCase();
      else if (cmd.type === 'export-for-colleague') void exportForColleague();
      else if (cmd.type === 'merge-colleague') mergeColleagueCase();
      else if (cmd.type === 'identity') void showIdentity();
    });
  }, [setCase]);

  return caseInfo ? <Workspace info={caseInfo} /> : <Welcome />;
}
