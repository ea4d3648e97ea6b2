import { useState } from 'react';
import type { DocumentInfo } from '../../../../shared/domain/documents';
import { runJob } from '../../components/jobs';

/** For a scan or image with no text: read it by OCR in the background (where tesseract is installed). */
export function OcrButton({ info, onDone }: { info: DocumentInfo; onDone(): void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    const end = await runJob('documents.ocr', { id: info.id }, (st) => setMessage(st.message));
    setBusy(false);
    setMessage(end.state === 'done' ? 'Text read by OCR.' : end.message);
    if (end.state === 'done') onDone();
  }
  return (
    <section aria-label="OCR">
      <h4>No text layer</h4>
      <p className="small muted">This {info.kind === 'image' ? 'image' : 'scan'} has no text to search or quote yet.</p>
      <button onClick={() => void run()} disabled={busy}>
        Read text (OCR)
      </button>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
