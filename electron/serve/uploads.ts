import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { JobStatus } from '../../shared/api';
import type { JobManager } from '../core/jobs/job-manager';

/**
 * Methods after whose successful end an uploaded file is no longer needed:
 * its bytes are in the case (an import keeps the original, a document is
 * stored by SHA-256). `import.preview` and `import.validate` are not here:
 * the wizard previews, checks, then imports the same upload.
 */
const CONSUMERS = new Set(['import.run', 'documents.add']);

const FOLDER_NAME = /^[0-9a-f]{16}$/;

/** Uploads this old are swept whoever staged them (a bridge that was killed, a wizard left open for a day). */
export const STALE_UPLOAD_MS = 12 * 60 * 60 * 1000;

/**
 * Files picked in the browser are uploaded to `<appData>/uploads/<random>/<name>`
 * so that the API can read them by path like a native dialog's pick. They
 * are copies — the original stays where the browser picked it — so removing
 * one loses nothing, and they must not pile up. A file goes:
 *
 * - when a consuming method (CONSUMERS) that read it ends done;
 * - when the case is closed or another opened (its import wizard is gone
 *   with it), unless a running job still reads it;
 * - when the bridge stops;
 * - at bridge start and at each case change, if older than STALE_UPLOAD_MS:
 *   what a killed bridge left. Only by age, because another `custodian
 *   serve` on the same app folder may be in the middle of an import.
 *
 * A failed or cancelled import keeps its file: the wizard may try again.
 */
export class Uploads {
  /** Folders this bridge staged and has not removed yet. */
  private readonly staged = new Set<string>();
  /** Upload folders read by a running job → how many such jobs. */
  private readonly busy = new Map<string, number>();

  constructor(
    readonly dir: string,
    private readonly jobs: JobManager,
  ) {
    mkdirSync(dir, { recursive: true });
    this.sweepStale();
  }

  /** Writes the request's body to a new upload folder; answers the file's path. */
  async stage(name: string | null, req: IncomingMessage): Promise<string> {
    const safe = basename(name ?? 'upload').replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'upload';
    const folder = join(this.dir, randomBytes(8).toString('hex')); // matches FOLDER_NAME
    mkdirSync(folder, { recursive: true });
    this.staged.add(folder);
    const path = join(folder, safe);
    try {
      await pipeline(req, createWriteStream(path));
    } catch (e) {
      this.remove(folder);
      throw e;
    }
    return path;
  }

  /**
   * Called with every API call the bridge answered: follows a job that
   * reads uploads to its end, and tidies up when the case changes.
   */
  afterCall(method: string, input: unknown, answer: { ok: boolean; value?: unknown }): void {
    if (!answer.ok) return;
    if (method === 'case.close' || method === 'case.open' || method === 'case.create' || method === 'case.openSample') {
      for (const folder of this.staged) if (!this.busy.has(folder)) this.remove(folder);
      this.sweepStale();
      return;
    }
    const folders = this.foldersIn(input);
    const job = answer.value as Partial<JobStatus> | undefined;
    if (folders.length === 0 || typeof job?.jobId !== 'string') return;
    void this.follow(method, job.jobId, folders).catch(() => undefined); // an unknown job: nothing to follow
  }

  /** Keeps the folders from the case-change tidy-up while the job runs; removes them if it consumed them. */
  private async follow(method: string, jobId: string, folders: string[]): Promise<void> {
    for (const f of folders) this.busy.set(f, (this.busy.get(f) ?? 0) + 1);
    let consumed = false;
    try {
      consumed = (await this.jobs.wait(jobId)).state === 'done' && CONSUMERS.has(method);
    } finally {
      for (const f of folders) {
        const left = (this.busy.get(f) ?? 1) - 1;
        if (left > 0) this.busy.set(f, left);
        else this.busy.delete(f);
        if (consumed) this.remove(f);
      }
    }
  }

  /** Everything this bridge staged (the bridge is stopping). */
  removeAll(): void {
    for (const folder of this.staged) this.remove(folder);
  }

  /** The upload folders named by an input's `path` or `paths`. */
  private foldersIn(input: unknown): string[] {
    const record = (input ?? {}) as { path?: unknown; paths?: unknown };
    const paths = [record.path, ...(Array.isArray(record.paths) ? record.paths : [])];
    const folders = paths.filter((p): p is string => typeof p === 'string').map((p) => dirname(p));
    return [...new Set(folders.filter((f) => this.isUploadFolder(f)))];
  }

  /** A folder this class names: directly inside the uploads folder, by its random name (never `..`). */
  private isUploadFolder(folder: string): boolean {
    return dirname(folder) === this.dir && FOLDER_NAME.test(basename(folder));
  }

  private remove(folder: string): void {
    if (!this.isUploadFolder(folder)) return;
    rmSync(folder, { recursive: true, force: true });
    this.staged.delete(folder);
  }

  private sweepStale(now = Date.now()): void {
    for (const name of readdirSync(this.dir)) {
      const folder = join(this.dir, name);
      if (this.busy.has(folder)) continue;
      try {
        if (now - statSync(folder).mtimeMs > STALE_UPLOAD_MS) this.remove(folder);
      } catch {
        // removed meanwhile by another bridge
      }
    }
  }
}
