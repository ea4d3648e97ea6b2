import { openCaseFile } from '../db/connection';
import type { JobControl, JobPayloads } from '../jobs/protocol';
import { addDocuments } from './add-documents';
import { ocrDocument } from './ocr';

/** The document jobs, each on a connection of its own (the worker's or a second one in-process). */
export async function runDocumentsJob(
  job: { kind: 'documents.add'; payload: JobPayloads['documents.add'] } | { kind: 'documents.ocr'; payload: JobPayloads['documents.ocr'] },
  control: JobControl,
): Promise<unknown> {
  const db = openCaseFile(job.payload.casePath);
  try {
    if (job.kind === 'documents.add') return await addDocuments(db, job.payload.input, job.payload.actor, control);
    return await ocrDocument(db, job.payload.documentId, job.payload.actor, control);
  } finally {
    db.close();
  }
}
