import { useEffect, useState } from 'react';
import type { CaseInfo, ReceivedCase } from '../../../shared/api/case';
import type { VerifyResult } from '../../../shared/api/exchange';
import type { JobStatus } from '../../../shared/api';
import { client, shell } from '../api/client';
import { JobProgress, runJob } from '../components/jobs';
import { useApp } from '../state/store';
import './exchange.css';

const signerText = (r: ReceivedCase): string => {
  if (!r.signer) return r.kind === 'foreign' ? 'another computer (not sealed)' : 'an unknown signer';
  const who = r.signer.name === 'you' ? 'you' : (r.signer.name ?? 'an unknown signer');
  return `${who} (${r.signer.fingerprint})`;
};

/**
 * A received case is open read-only: says from whom, verifies it (a job:
 * the digest, the signature, every blob, the audit chain) and lists what is
 * wrong, and offers the way to work on it: a working copy of one's own.
 */
export function ReceivedBanner({ info }: { info: CaseInfo & { received: ReceivedCase } }) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setResult(null);
    void runJob(
      'exchange.verify',
      { path: info.path },
      (s) => current && setJob(s.state === 'running' ? s : null),
    ).then((end) => {
      if (!current) return;
      setJob(null);
      if (end.state === 'done') setResult(end.result);
      else setError(end.message);
    });
    return () => {
      current = false;
    };
  }, [info.path]);

  const received = info.received;
  const ok = result?.ok ?? false;
  const problems = result?.problems ?? [];
  return (
    <section
      className={`received-banner ${result ? (ok ? 'verified' : 'problems') : ''}`}
      role="region"
      aria-label="Received file"
    >
      <div className="received-head">
        <strong>
          Received from {signerText(received)}
          {result && (ok ? ', verified OK' : `, ${problems.length} problem${problems.length === 1 ? '' : 's'}`)}
        </strong>
        <span className="muted small">Read-only: nothing in it can be changed.</span>
        <button className="primary" onClick={() => void saveAsMine(info)}>
          Save as my case…
        </button>
      </div>
      {received.signer && !received.signer.trusted && received.signer.name !== 'you' && (
        <p className="small">
          This key is not among your trusted colleagues; compare the fingerprint with the sender by another channel.
        </p>
      )}
      {job && <JobProgress job={job} label="Verifying" />}
      {error && <p className="exchange-error">{error}</p>}
      {problems.length > 0 && (
        <ul className="received-problems" aria-label="Problems found">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function saveAsMine(info: CaseInfo): Promise<void> {
  const path = await shell.pickSavePath('case', `${info.title || 'case'} (mine).case`, 'Save as my case');
  if (!path) return;
  const r = await client.call('case.saveAsMine', { path });
  if (r.ok) useApp.getState().setCase(r.value);
  else useApp.getState().setError(r.error.message);
}
