import type { z } from 'zod';

/**
 * One API method: its input schema, whether it changes the case (mutating
 * methods run in one transaction and write an audit entry), and its output
 * type (a phantom: only the type exists at run time).
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly mutates: boolean;
  /** Needs no open case (e.g. `case.open`, `case.recent`). */
  readonly noCase?: boolean;
  /**
   * Long work (imports, resolution) that runs its own transaction, possibly
   * across async steps, and writes its own audit entry inside it. Other
   * mutating methods are run by the dispatcher in one transaction with
   * their audit entry.
   */
  readonly ownTransaction?: boolean;
  readonly __output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(
    input: I,
    opts: { mutates: boolean; noCase?: boolean; ownTransaction?: boolean },
  ): MethodDef<I, O> => ({ input, ...opts });
}
