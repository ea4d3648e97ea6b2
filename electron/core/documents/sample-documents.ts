import { join } from 'node:path';
import type { WriteDb } from '../db/types';
import { addDocuments } from './add-documents';

/** The source documents a newcomer sees in the sample case (shipped in build/sample/). */
export const SAMPLE_DOCUMENTS = ['china-russia-defense-trade-article.pdf', 'sanctions-supply-chains-summary.pdf'];

export async function addSampleDocuments(db: WriteDb, sampleDir: string, actor: string): Promise<void> {
  await addDocuments(
    db,
    {
      paths: SAMPLE_DOCUMENTS.map((f) => join(sampleDir, f)),
      notes: 'Sample document: a reworded copy of public reporting, shipped with Custodian.',
    },
    actor,
  );
}
