import { z } from 'zod';
import { job } from './define';

/** What an export to other tools wrote. */
export interface FtmExportResult {
  path: string;
  /** Lines written per FtM schema (`Company`, `EconomicActivity`, …). */
  entities: Record<string, number>;
  lines: number;
}

/** Exports of the case for other tools (FollowTheMoney for Aleph and OpenSanctions pipelines). */
export const interchangeApi = {
  /** Writes the case as FollowTheMoney JSON lines to `path` (a file on the machine the core runs on). */
  'interchange.ftm': job<FtmExportResult>()(z.object({ path: z.string().min(1).max(4096) }), { mutates: false }),
};

export type InterchangeMethods = keyof typeof interchangeApi;
