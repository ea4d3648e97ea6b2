import type { ParseArgsConfig } from 'node:util';
import type { MethodName } from '../../shared/api';
import type { CoreContext } from '../core/context';

export type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * One `custodian` sub-command. Most commands open a case (`case: true`,
 * first positional) and call one API method with an input built from the
 * arguments; the method's zod schema checks that input like any transport's.
 */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** The first positional is a case file to open before running. */
  opensCase?: boolean;
  /** How many positionals (after the case) it needs at least. */
  minArgs?: number;
  run(ctx: { core: CoreContext; args: string[]; values: Values }): Promise<unknown>;
}

/** Builds a command that calls one API method. */
export function apiCommand(
  spec: Omit<Command, 'run'> & { method: MethodName; input: (args: string[], values: Values) => unknown },
  call: (core: CoreContext, method: MethodName, input: unknown) => Promise<unknown>,
): Command {
  const { method, input, ...rest } = spec;
  return { ...rest, run: ({ core, args, values }) => call(core, method, input(args, values)) };
}

export class UsageError extends Error {}

export const int = (v: unknown, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} takes a whole number`);
  return n;
};
