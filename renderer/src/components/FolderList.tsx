import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { FolderEntry } from '../../../shared/bridge';

interface FolderListProps {
  label: string;
  entries: FolderEntry[];
  active: number;
  busy: boolean;
  listRef: RefObject<HTMLUListElement | null>;
  onActive(index: number): void;
  /** Enter or a double click: open the folder, or pick the case file. */
  onActivate(entry: FolderEntry): void;
  /** Backspace: up one folder. */
  onUp(): void;
}

const PAGE = 10;

/**
 * A folder's entries as a listbox: one tab stop, arrows, Home/End and
 * Page Up/Down move, typing a letter jumps to the next name that starts
 * with it, Enter opens, Backspace goes up.
 */
export function FolderList({ label, entries, active, busy, listRef, onActive, onActivate, onUp }: FolderListProps) {
  const baseId = useId();
  const optionId = (i: number) => `${baseId}-option-${i}`;
  const typed = useRef({ text: '', at: 0 });

  // After every render: the active entry may have moved, or the folder changed under it.
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const last = entries.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: last,
      PageDown: active + PAGE,
      PageUp: active - PAGE,
    };
    if (e.key in moves) {
      e.preventDefault();
      if (last >= 0) onActive(Math.max(0, Math.min(last, moves[e.key]!)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = entries[active];
      if (entry) onActivate(entry);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      onUp();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = Date.now();
      // Letters typed within a second make one prefix, as in a native file list.
      typed.current = {
        text: now - typed.current.at < 1000 ? typed.current.text + e.key.toLowerCase() : e.key.toLowerCase(),
        at: now,
      };
      const prefix = typed.current.text;
      const order = entries.map((_, i) => (active + (prefix.length === 1 ? 1 : 0) + i) % entries.length);
      const found = order.find((i) => entries[i]!.name.toLowerCase().startsWith(prefix));
      if (found !== undefined) onActive(found);
    }
  }

  return (
    <ul
      ref={listRef}
      className="folder-list"
      role="listbox"
      aria-label={label}
      aria-busy={busy}
      tabIndex={0}
      aria-activedescendant={entries[active] ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
    >
      {entries.map((entry, i) => (
        <li
          key={entry.path}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          aria-label={`${entry.name}, ${entry.kind === 'folder' ? 'folder' : `case file, ${formatSize(entry.size ?? 0)}`}, modified ${formatDate(entry.modified)}`}
          className={i === active ? 'active' : undefined}
          onClick={() => onActive(i)}
          onDoubleClick={() => onActivate(entry)}
        >
          {entry.kind === 'folder' ? <FolderIcon /> : <CaseIcon />}
          <span className="name">{entry.name}</span>
          <span className="size">{entry.size === null ? '' : formatSize(entry.size)}</span>
          <span className="modified">{formatDate(entry.modified)}</span>
        </li>
      ))}
    </ul>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function FolderIcon() {
  return (
    <svg className="icon folder" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1.5 3.5h4l1.5 1.5h7.5v8h-13z" />
    </svg>
  );
}

function CaseIcon() {
  return (
    <svg className="icon case" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M5.5 8.5h5M5.5 11h5" />
    </svg>
  );
}
