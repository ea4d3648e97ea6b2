import type { ReadDb, WriteDb } from './types';

export interface SourceRow {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Key of the original bytes in blobs, when they were kept. */
  blobSha256: string | null;
  importedAt: string;
  importedBy: string;
  note: string;
}

interface Row {
  id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  blob_sha256: string | null;
  imported_at: string;
  imported_by: string;
  note: string;
}

const toSource = (r: Row): SourceRow => ({
  id: r.id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  blobSha256: r.blob_sha256,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  note: r.note,
});

export function insertSource(
  db: WriteDb,
  s: Omit<SourceRow, 'id' | 'blobSha256'> & { blobSha256?: string | null },
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO sources (file_name, media_type, size, sha256, blob_sha256, imported_at, imported_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(s.fileName, s.mediaType, s.size, s.sha256, s.blobSha256 ?? null, s.importedAt, s.importedBy, s.note)
      .lastInsertRowid,
  );
}

export function getSource(db: ReadDb, id: number): SourceRow | null {
  const r = db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as Row | undefined;
  return r ? toSource(r) : null;
}

/** Sets a source's hash once a streamed read has finished (same transaction as the insert). */
export function setSourceHash(db: WriteDb, id: number, sha256: string, blobSha256: string | null, note: string): void {
  db.prepare('UPDATE sources SET sha256 = ?, blob_sha256 = ?, note = ? WHERE id = ?').run(sha256, blobSha256, note, id);
}
