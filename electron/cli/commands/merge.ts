import type { MergeResult } from '../../../shared/api/exchange';
import { UsageError, type Command } from '../command';
import { unwrap } from '../unwrap';

const whole = (v: string | undefined, what: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${what} is a number, not ${String(v)}`);
  return n;
};

/** How a merge reads to a person: the other file's check, what came in, what waits for a decision. */
function printMerge(r: MergeResult): void {
  const who = r.verify.signer?.name ?? r.verify.signer?.fingerprint ?? 'no one (not sealed)';
  const added = Object.entries(r.added).map(([k, n]) => `${n} ${k}`);
  process.stdout.write(
    `Merge ${r.mergeId}: the file is ${r.verify.ok ? 'unchanged since sealed' : 'NOT as sealed'}, signed by ${who}.\n` +
      `Added: ${added.length ? added.join(', ') : 'nothing (all of it was here already)'}.\n` +
      `${r.suggestions} entity pairs put in the review queue; ${r.conflicts.length} conflicts to settle` +
      `${r.conflicts.length ? ' (custodian conflicts CASE; custodian pick CASE ID mine|theirs)' : ''}.\n`,
  );
  for (const p of r.verify.problems) process.stdout.write(`  - ${p.message}\n`);
}

/** `custodian merge` and the commands that list, settle and undo merges. */
export const mergeCommands: Command[] = [
  {
    name: 'merge',
    usage: 'custodian merge CASE OTHER.case',
    summary: 'bring a colleague’s case into yours: evidence by content hash, entities by stable id, no duplicates',
    opensCase: true,
    minArgs: 1,
    run: async ({ core, args, values }) => {
      const r = (await unwrap(core, 'exchange.merge', { path: args[0] })) as MergeResult;
      if (values.json) return r;
      printMerge(r);
      return undefined;
    },
  },
  {
    name: 'merges',
    usage: 'custodian merges CASE',
    summary: 'list the merges in a case (latest first), with what each added',
    opensCase: true,
    run: ({ core }) => unwrap(core, 'exchange.merges', {}),
  },
  {
    name: 'unmerge',
    usage: 'custodian unmerge CASE MERGE_ID',
    summary: 'undo a merge: what it added removed, what it changed restored (latest merge first)',
    opensCase: true,
    minArgs: 1,
    run: ({ core, args }) => unwrap(core, 'exchange.undoMerge', { mergeId: whole(args[0], 'MERGE_ID') }),
  },
  {
    name: 'conflicts',
    usage: 'custodian conflicts CASE [--open]',
    summary: 'list what both sides of a merge changed differently, with both versions',
    opensCase: true,
    options: { open: { type: 'boolean' } },
    run: ({ core, values }) => unwrap(core, 'exchange.conflicts', { open: values.open === true }),
  },
  {
    name: 'pick',
    usage: 'custodian pick CASE CONFLICT_ID mine|theirs',
    summary: 'settle a merge conflict by keeping my version or theirs',
    opensCase: true,
    minArgs: 2,
    run: ({ core, args }) => {
      if (args[1] !== 'mine' && args[1] !== 'theirs') throw new UsageError(`pick takes mine or theirs, not ${args[1]}`);
      return unwrap(core, 'exchange.pickConflict', { id: whole(args[0], 'CONFLICT_ID'), pick: args[1] });
    },
  },
];
