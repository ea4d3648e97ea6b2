import { readFileSync } from 'node:fs';
import type { VerifyResult } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';
import { UsageError, type Command } from '../command';
import { unwrap } from '../unwrap';

const ids = (v: unknown): number[] =>
  ((v as string[] | undefined) ?? []).map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--only-diagram takes a diagram id, not ${s}`);
    return n;
  });

/** How a verify result reads to a person: the verdict, who signed, then each problem on its own line. */
function printVerify(r: VerifyResult): void {
  const who = !r.signer
    ? 'not signed'
    : r.signer.trusted
      ? `signed by ${r.signer.name} (${r.signer.fingerprint})`
      : `signed by an UNKNOWN key ${r.signer.fingerprint} (calls itself "${r.signer.claimedBy}"); trust it with custodian trust`;
  process.stdout.write(`${r.ok ? 'OK: unchanged since sealed' : 'NOT OK'}; ${who}\ndigest: ${r.digest}\n`);
  for (const p of r.problems) process.stdout.write(`  - ${p.message}\n`);
}

export const exchangeCommands: Command[] = [
  {
    name: 'export',
    usage: 'custodian export CASE OUT.case [--only-diagram ID]... [--key KEYFILE]',
    summary: 'write a compact, sealed copy for a colleague (optionally only some diagrams and their evidence)',
    opensCase: true,
    minArgs: 1,
    options: { 'only-diagram': { type: 'string', multiple: true }, key: { type: 'string' } },
    run: ({ core, args, values }) =>
      unwrap(core, 'exchange.export', {
        path: args[0],
        onlyDiagrams: ids(values['only-diagram']),
        ...(values.key ? { keyFile: values.key } : {}),
      }),
  },
  {
    name: 'verify',
    usage: 'custodian verify FILE.case',
    summary: 'check a received file: safe to open, unchanged since sealed, and who sealed it (exit 1 if not)',
    minArgs: 1,
    run: async ({ core, args, values }) => {
      const r = (await unwrap(core, 'exchange.verify', { path: args[0] })) as VerifyResult;
      if (values.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else printVerify(r);
      if (r.ok) return undefined;
      throw new CustodianError('not_verified', `${args[0]} did not verify (${r.problems.length} problems).`);
    },
  },
  {
    name: 'identity',
    usage: 'custodian identity',
    summary: 'show your signing key’s fingerprint and public key (made on first use)',
    run: ({ core }) => unwrap(core, 'identity.get', {}),
  },
  {
    name: 'trust',
    usage: 'custodian trust NAME PUBLIC-KEY|KEYFILE',
    summary: 'save a colleague’s public key under a name (then their files verify as signed by them)',
    minArgs: 2,
    run: ({ core, args }) => {
      let key = args[1]!;
      try {
        key = readFileSync(key, 'utf8');
      } catch {
        // not a file: the key itself
      }
      return unwrap(core, 'identity.trust', { name: args[0], publicKey: key });
    },
  },
  {
    name: 'trusted',
    usage: 'custodian trusted',
    summary: 'list the colleagues whose keys you trust',
    run: ({ core }) => unwrap(core, 'identity.trusted', {}),
  },
];
