import { useEffect, useState } from 'react';
import type { Identity, TrustedKey } from '../../../shared/api/exchange';
import { client } from '../api/client';
import { showModal } from '../components/modal';
import { ModalFrame } from '../components/ModalForm';
import './exchange.css';

/** Your signing identity and the colleagues whose keys you trust. */
export function showIdentity(): Promise<void> {
  return showModal<void>((done) => <IdentityDialog onDone={done} />);
}

function IdentityDialog({ onDone }: { onDone(): void }) {
  const [me, setMe] = useState<Identity | null>(null);
  const [trusted, setTrusted] = useState<TrustedKey[]>([]);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void client.call('identity.get', {}).then((r) => (r.ok ? setMe(r.value) : setError(r.error.message)));
    void client.call('identity.trusted', {}).then((r) => r.ok && setTrusted(r.value));
  }, []);

  async function add() {
    const r = await client.call('identity.trust', { name: name.trim(), publicKey: key.trim() });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setName('');
    setKey('');
    setTrusted((list) => [...list.filter((t) => t.publicKey !== r.value.publicKey), r.value]);
  }
  async function remove(t: TrustedKey) {
    const r = await client.call('identity.untrust', { publicKey: t.publicKey });
    if (r.ok) setTrusted(r.value);
    else setError(r.error.message);
  }

  return (
    <ModalFrame title="Your identity and trusted colleagues" className="exchange-dialog" onCancel={onDone}>
      <div className="modal-body">
        <section aria-label="Your identity">
          <h3>Your fingerprint</h3>
          <p className="mono fingerprint" data-testid="my-fingerprint">
            {me?.fingerprint ?? '…'}
          </p>
          <label className="field">
            Your public key (give it to colleagues so that they can trust your files)
            <textarea readOnly rows={2} value={me?.publicKey ?? ''} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </section>
        <section aria-label="Trusted colleagues">
          <h3>Trusted colleagues</h3>
          {trusted.length === 0 ? (
            <p className="muted small">No one yet. Files they send show as from an unknown signer.</p>
          ) : (
            <ul className="exchange-trusted">
              {trusted.map((t) => (
                <li key={t.publicKey}>
                  <strong>{t.name}</strong> <span className="mono small">{t.fingerprint}</span>
                  <button className="link" onClick={() => void remove(t)} aria-label={`Remove ${t.name}`}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="exchange-trust-form"
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <label className="field">
              Name
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="field">
              Their public key
              <textarea rows={2} value={key} onChange={(e) => setKey(e.target.value)} />
            </label>
            <button type="submit" disabled={!name.trim() || !key.trim()}>
              Trust this key
            </button>
          </form>
        </section>
        {error && (
          <p className="exchange-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <footer>
        <button className="primary" onClick={onDone}>
          Close
        </button>
      </footer>
    </ModalFrame>
  );
}
