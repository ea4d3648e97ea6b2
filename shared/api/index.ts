import type { z } from 'zod';
import type { MethodDef } from './define';
import type { Result } from '../result';
import { caseApi } from './case';
import { recordsApi } from './records';
import { documentsApi } from './documents';
import { entitiesApi } from './entities';
import { diagramsApi } from './diagrams';
import { interchangeApi } from './interchange';
import { screeningApi } from './screening';
import { briefsApi } from './briefs';
import { exchangeApi } from './exchange';
import { riskApi } from './risk';

/**
 * The one API contract. The Electron IPC handlers, the preload, the HTTP
 * bridge, the renderer client and the CLI all derive from this object.
 * Each area lives in its own file; add areas here.
 */
export const api = {
  ...caseApi,
  ...recordsApi,
  ...documentsApi,
  ...entitiesApi,
  ...diagramsApi,
  ...interchangeApi,
  ...screeningApi,
  ...briefsApi,
  ...exchangeApi,
  ...riskApi,
} satisfies Record<string, MethodDef>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type ApiInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type ApiOutput<M extends MethodName> = Exclude<Api[M]['__output'], undefined>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

/** The methods that run as jobs: calling one answers a `JobStatus`; its end carries a `JobResult`. */
export type JobMethodName = {
  [M in MethodName]: Api[M] extends { readonly job?: infer J } ? ([J] extends [true] ? M : never) : never;
}[MethodName];
export type JobResult<M extends MethodName> = Exclude<Api[M]['__result'], undefined>;
export const JOB_METHOD_NAMES = METHOD_NAMES.filter((m) => (api[m] as MethodDef).job) as JobMethodName[];
export const isJobMethod = (name: MethodName): name is JobMethodName => (api[name] as MethodDef).job === true;
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);

/** What every transport offers the renderer: one typed call. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
}

export * from './case';
export * from './records';
export * from './documents';
export * from './entities';
export * from './diagrams';
export * from './interchange';
export * from './screening';
export * from './briefs';
export * from './exchange';
export * from './risk';
export type { MethodDef, JobStatus } from './define';
