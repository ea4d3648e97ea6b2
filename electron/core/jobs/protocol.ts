import type { ImportOptions } from '../../../shared/api/records';
import type { AddDocumentsInput } from '../../../shared/api/documents';

/** The kinds of job and what each needs; every job names the case it works on. */
export interface JobPayloads {
  import: { casePath: string; actor: string; options: ImportOptions };
  'documents.add': { casePath: string; actor: string; input: AddDocumentsInput };
  'documents.ocr': { casePath: string; actor: string; documentId: number };
  'entities.resolve': { casePath: string; actor: string };
  'judgements.undo': { casePath: string; actor: string; judgementId: number };
}
export type JobKind = keyof JobPayloads;
export type JobPayload<K extends JobKind> = JobPayloads[K];

export type WorkerMessage =
  | { type: 'progress'; progress: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code: string; message: string } };

export interface JobControl {
  progress(progress: number | null, message: string): void;
  signal: AbortSignal;
  /** The job worker's script, when the job runs in one: a job may start helper threads from it (import/read-thread.ts). */
  workerScript?: string | undefined;
}
