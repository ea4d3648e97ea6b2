import { useEffect, useState } from 'react';
import { client } from './api/client';
import { newCase, openCase, openSample } from './case-actions';
import { useApp } from './state/store';

export function Welcome() {
  const [recent, setRecent] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const error = useApp((s) => s.error);
  useEffect(() => {
    void client.call('case.recent', {}).then((r) => r.ok && setRecent(r.value));
  }, []);
  const run = (f: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="welcome">
      <div className="welcome-card">
        <h1>Custodian</h1>
        <p className="tagline">
          Customs records, companies, sanctions and documents — one case file, offline, every claim traceable to its row
          or page.
        </p>
        <div className="welcome-actions">
          <button onClick={run(newCase)} disabled={busy}>
            New case…
          </button>
          <button onClick={run(() => openCase())} disabled={busy}>
            Open case…
          </button>
          <button className="primary" onClick={run(openSample)} disabled={busy}>
            {busy ? 'Opening…' : 'Open sample case'}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {recent.length > 0 && (
          <section className="recent">
            <h2>Recent cases</h2>
            <ul>
              {recent.map((p) => (
                <li key={p}>
                  <button className="link" onClick={run(() => openCase(p))} title={p}>
                    {p.split(/[/\\]/).pop()}
                  </button>
                  <span className="muted">{p}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
