import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CustodianError } from '../../shared/result';
import { createCore } from '../core/create-core';
import { CaseSession } from '../core/session';
import { UsageError, type Command } from './command';
import { COMMANDS } from './commands';
import { printHuman } from './print';
import { progressModeFor, setProgressMode } from './progress';
import { sampleDir, workerScript } from '../paths';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: custodian COMMAND [ARGS] [--json]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'custodian help COMMAND shows a command’s arguments. Every command takes --json, and --progress',
    '(a line per step of long work on stderr; on a terminal a progress bar is shown anyway).',
  ].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 error, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const cmd = COMMANDS.find((c) => c.name === rest.slice(0, 2).join(' ')) ?? COMMANDS.find((c) => c.name === rest[0]);
    process.stdout.write(`${cmd ? `${cmd.usage}\n  ${cmd.summary}` : usage()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name || c.name === `${name} ${rest[0]}`);
  if (!command) {
    process.stderr.write(`custodian: unknown command ${name}\n${usage()}\n`);
    return 2;
  }
  const argsAfter = command.name.includes(' ') ? rest.slice(1) : rest;
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argsAfter,
      options: { ...command.options, json: { type: 'boolean' }, progress: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    json = Boolean(values.json);
    setProgressMode(progressModeFor(Boolean(values.progress), process.stderr.isTTY === true));
    const needed = (command.opensCase ? 1 : 0) + (command.minArgs ?? 0);
    if (positionals.length < needed) throw new UsageError(`missing arguments`);
    return await execute(command, positionals, values, json);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`custodian ${command.name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`custodian ${command.name}: ${message}\n`);
    if (json)
      process.stderr.write(
        `${JSON.stringify({ error: { code: e instanceof CustodianError ? e.code : 'internal', message } })}\n`,
      );
    return 1;
  }
}

async function execute(
  command: Command,
  positionals: string[],
  values: Record<string, unknown>,
  json: boolean,
): Promise<number> {
  const core = createCore({ sampleDir: sampleDir(), workerScript: workerScript() });
  let args = positionals;
  if (command.opensCase) {
    core.session = CaseSession.openAny(resolve(positionals[0]!), core.appDataDir);
    args = positionals.slice(1);
  }
  try {
    const out = await command.run({ core, args, values: values as never });
    if (out !== undefined) {
      if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else printHuman(out);
    }
    return 0;
  } finally {
    // serve keeps its session open until it stops; everything else closes here.
    if (command.name !== 'serve') core.session?.close();
  }
}
