import type { MergeResult } from '../../../../shared/api/exchange';

/** What one merge did: the other file's check and signer, what came in, what was left for a person. */
export function MergeReport({ result }: { result: MergeResult }) {
  const { verify } = result;
  const signer = verify.signer
    ? verify.signer.trusted
      ? `signed by ${verify.signer.name}`
      : `signed by an unknown key ${verify.signer.fingerprint} (calls itself “${verify.signer.claimedBy}”)`
    : 'not sealed';
  return (
    <div className="merge-report" role="region" aria-label="Merge result">
      <p className={verify.ok ? 'ok' : 'warn'}>
        {verify.ok ? 'The file is unchanged since it was sealed' : 'The file is NOT as it was sealed'}; {signer}.
      </p>
      {verify.problems.length > 0 && (
        <ul className="small">
          {verify.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <p>
        <strong>Added:</strong> {addedText(result.added)}.
      </p>
      <p className="small">
        {result.suggestions} entity pair{result.suggestions === 1 ? '' : 's'} put in the review queue;{' '}
        {result.conflicts.length} conflict{result.conflicts.length === 1 ? '' : 's'} to settle
        {result.skipped.length > 0 && `; ${result.skipped.length} of their items could not be placed`}.
      </p>
    </div>
  );
}

/** How each kind a merge counts reads in a sentence, one and many. */
const KINDS: Record<string, [string, string]> = { blobs: ['stored file', 'stored files'] };

/** "1 document, 120 records" — or that nothing was new. */
export function addedText(added: Record<string, number>): string {
  const parts = Object.entries(added).map(([k, n]) => {
    const [one, many] = KINDS[k] ?? [k.replace(/s$/, ''), k];
    return `${n} ${n === 1 ? one : many}`;
  });
  return parts.length ? parts.join(', ') : 'nothing new';
}
