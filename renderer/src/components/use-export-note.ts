import { useState } from 'react';

/**
 * An "Export as CSV" button's state: `start` runs the export once (busy
 * meanwhile) and leaves its note: what the export says it did, its error's
 * message, or nothing when the person cancelled (the export returns null).
 */
export function useExportNote(exportNow: () => Promise<string | null>) {
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setNote(null);
    setBusy(true);
    try {
      setNote(await exportNow());
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { note, busy, start };
}
