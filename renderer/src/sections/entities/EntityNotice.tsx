import { useState } from 'react';
import { useApp } from '../../state/store';
import { howUndone, undoJudgement } from './undo-judgement';

/** What the last merge or split did, shown on the page of the entity it leaves the investigator on. */
export interface Notice {
  forId: number;
  text: string;
  open?: { id: number; name: string };
  /** The judgement the merge or split made, so "Undo" revokes exactly that one (not whatever was decided last). */
  undo?: { judgementId: number; what: string };
}

/** The notice after a merge or split, with "Undo" right there: a slip is put right without going to Decisions. */
export function EntityNotice({
  notice,
  onOpen,
  onChange,
}: {
  notice: Notice;
  onOpen(id: number): void;
  onChange(next: Notice): void;
}) {
  const [undoing, setUndoing] = useState(false);
  const setError = useApp((s) => s.setError);
  const refresh = useApp((s) => s.refresh);

  async function undo({ judgementId, what }: NonNullable<Notice['undo']>) {
    setUndoing(true);
    const r = await undoJudgement(judgementId);
    setUndoing(false);
    if (!r.ok) return setError(r.message);
    onChange({
      forId: notice.forId,
      text: `Undid the ${what}: ${howUndone(r.value)}.`,
    });
    void refresh();
  }

  return (
    <p className="entity-notice" role="status">
      {notice.text}
      {notice.open && (
        <button className="link" onClick={() => onOpen(notice.open!.id)}>
          Open “{notice.open.name}”
        </button>
      )}
      {notice.undo && (
        <button className="link" onClick={() => void undo(notice.undo!)} disabled={undoing}>
          {undoing ? 'Undoing…' : 'Undo'}
        </button>
      )}
    </p>
  );
}
