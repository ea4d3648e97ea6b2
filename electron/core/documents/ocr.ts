import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { getBlob } from '../db/blobs';
import { getDocument, setTextStatus } from '../db/documents';
import { fillEmptyPage, listPages } from '../db/document-pages';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { cleanText } from './extracted';

const execFileAsync = promisify(execFile);

/** Runs a local program with no shell; null when it is not there. */
function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? `${r.stdout}${r.stderr}` : null;
}

/** OCR is optional: only where a `tesseract` binary is installed (never downloaded, never required). */
export const ocrAvailable = (): boolean => run('tesseract', ['--version']) !== null;

/** The languages to read with, of those installed: English, Russian, simplified Chinese. */
function ocrLanguages(): string {
  const installed = new Set((run('tesseract', ['--list-langs']) ?? '').split(/\s+/));
  return ['eng', 'rus', 'chi_sim'].filter((l) => installed.has(l)).join('+') || 'eng';
}

/**
 * OCRs the pages of a document that have no text (an image, a scanned PDF
 * rasterized with pdftoppm), then writes the text of all of them in one
 * transaction. Pages that already have text are left alone: excerpts point
 * into them.
 */
export async function ocrDocument(
  db: WriteDb,
  documentId: number,
  actor: string,
  control?: JobControl,
): Promise<{ documentId: number; pagesRead: number }> {
  const doc = getDocument(db, documentId);
  if (!doc) throw new CustodianError('not_found', `There is no document ${documentId} in this case.`);
  if (!ocrAvailable())
    throw new CustodianError('no_ocr', 'OCR needs the tesseract program, which is not installed on this computer.');
  const bytes = getBlob(db, doc.sha256)!;
  const empty = listPages(db, documentId)
    .filter((p) => p.text === '')
    .map((p) => p.page);
  const dir = mkdtempSync(join(tmpdir(), 'custodian-ocr-'));
  const langs = ocrLanguages();
  const texts = new Map<number, string>();
  try {
    const source = join(dir, doc.kind === 'pdf' ? 'doc.pdf' : 'image');
    writeFileSync(source, bytes);
    for (const [i, page] of empty.entries()) {
      if (control?.signal.aborted) throw new CustodianError('cancelled', 'OCR was cancelled; nothing was changed.');
      control?.progress(i / empty.length, `OCR: page ${page} of ${doc.pages}`);
      let image = source;
      if (doc.kind === 'pdf') {
        if (run('pdftoppm', ['-v']) === null)
          throw new CustodianError(
            'no_ocr',
            'OCR of a scanned PDF needs the pdftoppm program (poppler-utils), which is not installed.',
          );
        await execFileAsync('pdftoppm', [
          '-r',
          '300',
          '-gray',
          '-png',
          '-f',
          String(page),
          '-l',
          String(page),
          source,
          join(dir, `p${page}`),
        ]);
        image = join(
          dir,
          readdirSync(dir).find((f) => f.startsWith(`p${page}`) && f.endsWith('.png'))!,
        );
      }
      // Asynchronous, so that an in-process job leaves the event loop free for progress polls and a cancel.
      const { stdout: text } = await execFileAsync('tesseract', [image, 'stdout', '-l', langs], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      texts.set(page, cleanText(text));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return db
    .transaction(() => {
      let pagesRead = 0;
      for (const [page, text] of texts) if (fillEmptyPage(db, documentId, page, text)) pagesRead++;
      if (pagesRead > 0) setTextStatus(db, documentId, 'ocr', `${doc.extractor} + tesseract (${langs})`);
      appendAudit(db, actor, 'documents.ocr', { documentId, pagesRead, languages: langs });
      return { documentId, pagesRead };
    })
    .immediate();
}
