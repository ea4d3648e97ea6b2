import type { ApiOutput, ApiParsedInput, MethodName } from '../../../shared/api';
import type { CoreContext } from '../context';
import type { CaseSession } from '../session';

export interface HandlerContext {
  core: CoreContext;
  /** The open case; present for every method not marked `noCase`. */
  session: CaseSession;
}

export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: ApiParsedInput<M>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

/** A typed handler map for one area of the API (as Actual Budget does per domain). */
export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };
