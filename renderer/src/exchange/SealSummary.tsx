import type { ExportResult } from '../../../shared/api/exchange';

/** The seal of a finished export: where it went, its digest and the key that signed it. */
export function SealSummary({ result }: { result: ExportResult }) {
  return (
    <div className="exchange-seal" role="status" aria-label="Export sealed">
      <p>
        <strong>Exported and sealed.</strong> Tell your colleague the fingerprint by another channel (a call, in
        person): it proves the file came from you.
      </p>
      <dl>
        <div>
          <dt>File</dt>
          <dd className="mono">{result.path}</dd>
        </div>
        <div>
          <dt>Digest (SHA-256)</dt>
          <dd className="mono" data-testid="seal-digest">
            {result.digest}
          </dd>
        </div>
        <div>
          <dt>Signed by your key</dt>
          <dd className="mono" data-testid="seal-fingerprint">
            {result.fingerprint}
          </dd>
        </div>
        {result.kept && (
          <div>
            <dt>Kept</dt>
            <dd>
              {result.kept.diagrams.length} diagram(s): {result.kept.entities} entities, {result.kept.records} records,{' '}
              {result.kept.documents} documents, {result.kept.hits} screening hits
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
