import { useState } from 'react';
import type { AddedDocument } from '../../../../shared/domain/documents';
import { shell } from '../../api/client';
import { useApp } from '../../state/store';
import { JobProgress, runJob, useJob } from '../../components/jobs';
import { CaseEditButton } from '../../components/CaseEditButton';
import { StatusNote } from '../../components/StatusNote';

/**
 * Picks a document and adds it as a background job with progress per page
 * (Cancel leaves the case as it was). Scans and images with no text are
 * then read by OCR in the background where this computer has tesseract.
 */
export function AddDocumentButton({ onAdded }: { onAdded(docs: AddedDocument[]): void }) {
  const { job, run } = useJob('documents.add');
  const [report, setReport] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);

  async function start() {
    setReport(null);
    const path = await shell.pickOpenPath('document');
    if (!path) return;
    const end = await run({ paths: [path] });
    if (end.state === 'failed') return setError(end.message);
    if (end.state === 'cancelled') return setReport('Cancelled; nothing was added.');
    const added = end.result;
    setReport(
      added
        .map((d) =>
          d.alreadyAdded
            ? `“${d.title}” was already in the case.`
            : `Added “${d.title}”, ${d.pages} page${d.pages === 1 ? '' : 's'}.`,
        )
        .join(' '),
    );
    onAdded(added);
    void refresh();
    for (const d of added.filter((x) => !x.alreadyAdded && x.textStatus === 'no_text')) void ocr(d);
  }

  async function ocr(d: AddedDocument) {
    const end = await runJob('documents.ocr', { id: d.documentId }, (s) =>
      setReport(`Reading “${d.title}” by OCR… ${s.message}`),
    );
    if (end.state === 'failed' && end.code === 'no_ocr')
      return setReport(`“${d.title}” has no text layer (OCR is not installed on this computer).`);
    setReport(
      end.state === 'done' ? `Text of “${d.title}” read by OCR.` : `OCR of “${d.title}” did not finish: ${end.message}`,
    );
    void refresh();
  }

  if (job) return <JobProgress job={job} label="Adding document" />;
  return (
    <>
      <CaseEditButton onClick={() => void start()}>Add document…</CaseEditButton>
      <StatusNote text={report} />
    </>
  );
}
