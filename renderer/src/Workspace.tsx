import type { CaseInfo } from '../../shared/api/case';
import { closeCase, saveCopy } from './case-actions';
import { exportForColleague } from './exchange/ExportDialog';
import { showIdentity } from './exchange/IdentityDialog';
import { ReceivedBanner } from './exchange/ReceivedBanner';
import { mergeColleagueCase } from './sections/merge/merge-request';
import { SECTIONS } from './sections';
import { openSection, useRoute } from './router';
import { useApp } from './state/store';

export function Workspace({ info }: { info: CaseInfo }) {
  const sectionId = useRoute((s) => s.route.section);
  const error = useApp((s) => s.error);
  const setError = useApp((s) => s.setError);
  const section = SECTIONS.find((s) => s.id === sectionId) ?? SECTIONS[0]!;
  const Component = section.component;
  return (
    <div className="workspace" data-read-only={info.readOnly || undefined}>
      <nav className="sidebar" aria-label="Case sections">
        <div className="case-title" title={info.path}>
          <span className="app-name">Custodian</span>
          <strong>{info.title}</strong>
          <span className="muted small">{info.path.split(/[/\\]/).pop()}</span>
        </div>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <button
                className={s.id === section.id ? 'active' : ''}
                aria-current={s.id === section.id ? 'page' : undefined}
                onClick={() => openSection(s.id)}
              >
                {s.label}
                {s.id in info.counts && (
                  <span className="count">{info.counts[s.id as keyof CaseInfo['counts']].toLocaleString()}</span>
                )}
                {!s.component && <span className="soon">soon</span>}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <button className="link" onClick={() => void saveCopy()}>
            Save a copy…
          </button>
          {!info.readOnly && (
            <button className="link" onClick={() => void exportForColleague()}>
              Export for a colleague…
            </button>
          )}
          {!info.readOnly && (
            <button className="link" onClick={mergeColleagueCase}>
              Merge a colleague’s case…
            </button>
          )}
          <button className="link" onClick={() => void showIdentity()}>
            Identity and colleagues…
          </button>
          <button className="link" onClick={() => void closeCase()}>
            Close case
          </button>
        </div>
      </nav>
      <main className="content">
        {info.received && <ReceivedBanner info={{ ...info, received: info.received }} />}
        {error && (
          <div className="error-bar" role="alert">
            {error}
            <button className="link" onClick={() => setError(null)}>
              Dismiss
            </button>
          </div>
        )}
        {Component ? (
          <Component />
        ) : (
          <div className="empty-section">
            <h2>{section.label}</h2>
            <p>{section.plan}</p>
            <p className="muted">This part of Custodian is not built yet.</p>
          </div>
        )}
      </main>
    </div>
  );
}
