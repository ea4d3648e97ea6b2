import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointWal } from './db/connection';
import { CaseSession } from './session';
import { importFile } from './import/import-file';
import { addSampleDocuments } from './documents/sample-documents';
import { resolveCase } from './entities/resolve/resolve-case';
import { addSampleDiagram } from './diagrams/sample-diagram';

/** The customs files a newcomer sees in the sample case, with the preset that reads each. */
const SAMPLE_IMPORTS: { file: string; preset: string }[] = [{ file: 'ru-customs-2k.csv', preset: 'ru-customs' }];

/**
 * Opens the demo case, building it from the shipped sample data the first
 * time. It is built under a temporary name and renamed when complete, so a
 * crash while building never leaves a half-made sample behind.
 */
export async function openSampleCase(appDataDir: string, sampleDir: string, actor: string): Promise<CaseSession> {
  const path = join(appDataDir, 'sample.case');
  if (existsSync(path)) return CaseSession.open(path);
  mkdirSync(appDataDir, { recursive: true });
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const session = CaseSession.create(building, 'Sample case: helicopter parts to Ulan-Ude', actor);
  try {
    for (const { file, preset } of SAMPLE_IMPORTS) {
      await importFile(session.db, { path: join(sampleDir, file), preset }, actor);
    }
    await addSampleDocuments(session.db, sampleDir, actor);
    resolveCase(session.db, actor); // the sample opens with its companies already resolved
    session.db.transaction(() => addSampleDiagram(session.db, actor)).immediate(); // and a ready diagram
    checkpointWal(session.db);
  } finally {
    session.close();
  }
  renameSync(building, path);
  return CaseSession.open(path);
}
